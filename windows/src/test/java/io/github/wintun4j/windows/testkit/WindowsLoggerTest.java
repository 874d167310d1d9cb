// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.sys.Utf16;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logger upcall of a backend's Windows binding: the DLL's messages arrive with their level, a time
 * converted from FILETIME and the UTF-16 text, from the calling thread and from native threads the JVM
 * has never seen; the logger can be replaced and removed; a logger that throws, even on a native thread,
 * does not take the JVM down.
 */
public abstract class WindowsLoggerTest {

    private WintunDriver driver;

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @BeforeEach
    void open() {
        SimHooks.bind();
        driver = backend().openDriver(Simulator.dll());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static void log(int level, String message, boolean fromNewThread) {
        assertThat(SimHooks.WintunSimLog(level, Utf16.encode(message), fromNewThread ? 1 : 0)).isEqualTo(1);
    }

    @Test
    void everyLevelArrivesWithItsTimeAndText() {
        LogRecorder logger = new LogRecorder();
        driver.setLogger(logger);
        Instant before = Instant.now();
        log(0, "info: Grüße, ☃", false);
        log(1, "a warning", true);
        log(2, "an error", false);
        Instant after = Instant.now();
        List<LogRecorder.Entry> heard = logger.drain();
        assertThat(heard).extracting(LogRecorder.Entry::level)
                .containsExactly(WintunLogLevel.INFO, WintunLogLevel.WARN, WintunLogLevel.ERR);
        assertThat(heard).extracting(LogRecorder.Entry::message)
                .containsExactly("info: Grüße, ☃", "a warning", "an error");
        for (LogRecorder.Entry entry : heard) {
            // FILETIME has 100 ns ticks: allow a millisecond either side.
            assertThat(entry.timestamp()).isBetween(before.minusMillis(1), after.plusMillis(1));
        }
    }

    @Test
    void messagesFromManyNativeThreadsAllArriveOnTheirOwnThreads() throws InterruptedException {
        ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
        driver.setLogger((level, timestamp, message) -> {
            threads.add(Thread.currentThread());
            texts.add(message);
        });
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int caller = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    log(0, "thread " + caller + " message " + i, true);
                }
            }, "logger-test-caller-" + t);
            thread.start();
            callers.add(thread);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(texts).hasSize(100);
        for (int t = 0; t < 4; t++) {
            assertThat(texts).contains("thread " + t + " message 24");
        }
        assertThat(threads).as("the native threads the messages came from").doesNotContainAnyElementsOf(callers)
                .doesNotContain(Thread.currentThread());
    }

    @Test
    void aReplacedLoggerHearsNothingMoreAndARemovedOneNothingAtAll() {
        LogRecorder first = new LogRecorder();
        LogRecorder second = new LogRecorder();
        driver.setLogger(first);
        log(0, "to the first", true);
        driver.setLogger(second);
        log(0, "to the second", true);
        driver.setLogger(null);
        log(0, "to nobody", true);
        driver.setLogger(first);
        log(0, "to the first again", false);
        assertThat(first.drain()).extracting(LogRecorder.Entry::message)
                .containsExactly("to the first", "to the first again");
        assertThat(second.drain()).extracting(LogRecorder.Entry::message).containsExactly("to the second");
    }

    @Test
    void aLoggerThatThrowsOnANativeThreadIsDroppedAndTheDllGoesOn() {
        driver.setLogger((level, timestamp, message) -> {
            throw new IllegalStateException("a failing logger (on purpose)");
        });
        for (int i = 0; i < 10; i++) {
            log(2, "boom " + i, i % 2 == 0);
        }
        assertThat(driver.createAdapter("logthrow" + ProcessHandle.current().pid() % 1000, "Test", null).isOpen()).isTrue();
    }

    @Test
    void aMessageLosesItsTrailingNewline() {
        LogRecorder logger = new LogRecorder();
        driver.setLogger(logger);
        log(0, "line\r\n", false);
        assertThat(logger.drain()).extracting(LogRecorder.Entry::message).containsExactly("line");
    }

    /**
     * The DLL's error lines have no length limit: {@code LoggerError} (WireGuard/wintun {@code api/logger.c})
     * passes the logger a {@code FormatMessageW}-allocated "prefix: system message (Code 0x...)", whose prefix
     * alone may be 1024 units ({@code LoggerErrorV} formats it into {@code WCHAR[0x400]}). The binding hands on
     * the whole text, from the calling thread and from a native one.
     */
    @Test
    void aMessageLongerThan1024UnitsArrivesWhole() {
        LogRecorder logger = new LogRecorder();
        driver.setLogger(logger);
        String prefix = "Failed to open \\\\?\\ROOT#NET#0000#{" + "p".repeat(1000) + "}";
        String line = prefix + ": The system cannot find the file specified. ☃ (Code 0x00000002)" + "s".repeat(3000);
        log(2, line, false);
        log(2, line, true);
        assertThat(line.length()).isGreaterThan(4000);
        assertThat(logger.drain()).extracting(LogRecorder.Entry::message).containsExactly(line, line);
    }
}
