// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.WintunLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The driver's logger ({@code WintunSetLogger}; reference section 1): it hears the driver's
 * messages with a level, a time and a text; {@code null} turns it off; replacing it redirects the
 * messages; an exception from it is dropped.
 *
 * <p>The real driver logs while it creates an adapter, so the kit requires every backend to log
 * at least one message within one second of {@code createAdapter}: a backend whose logger is
 * never called would pass every other check here without proving anything.
 */
public interface LoggerContract extends WintunFixture {

    /** How long a message may take to reach the logger after the call that caused it. */
    Duration LOG_DELAY = Duration.ofSeconds(1);

    @Test
    @Timeout(10)
    default void aLoggerHearsTheCreationOfAnAdapterWithLevelTimeAndText() throws InterruptedException {
        RecordingLogger logger = new RecordingLogger();
        driver().setLogger(logger);
        Instant before = Instant.now();
        newAdapter();
        List<RecordingLogger.Entry> heard = logger.await(LOG_DELAY);
        assertThat(heard).as("messages logged within %s of createAdapter", LOG_DELAY).isNotEmpty();
        for (RecordingLogger.Entry entry : heard) {
            assertThat(entry.level()).isNotNull();
            // A FILETIME converted wrongly is off by years; a minute is room for any clock skew.
            assertThat(entry.timestamp()).as("timestamp of \"%s\"", entry.message())
                    .isBetween(before.minusSeconds(60), Instant.now().plusSeconds(60));
            assertThat(entry.message()).isNotBlank().hasSizeLessThanOrEqualTo(1024).doesNotEndWith("\n");
        }
    }

    @Test
    @Timeout(10)
    default void aNullLoggerTurnsLoggingOff() throws InterruptedException {
        RecordingLogger logger = new RecordingLogger();
        driver().setLogger(logger);
        newAdapter();
        assertThat(logger.await(LOG_DELAY)).as("the logger works before it is removed").isNotEmpty();
        Thread.sleep(LOG_DELAY.toMillis() / 2); // let late messages of that creation arrive
        logger.drain();
        assertThatCode(() -> driver().setLogger(null)).doesNotThrowAnyException();
        newAdapter();
        Thread.sleep(LOG_DELAY.toMillis() / 2);
        assertThat(logger.drain()).as("messages after setLogger(null)").isEmpty();
    }

    @Test
    @Timeout(10)
    default void replacingTheLoggerRedirectsTheMessages() throws InterruptedException {
        RecordingLogger first = new RecordingLogger();
        RecordingLogger second = new RecordingLogger();
        driver().setLogger(first);
        driver().setLogger(second);
        newAdapter();
        assertThat(second.await(LOG_DELAY)).as("messages to the new logger").isNotEmpty();
        assertThat(first.drain()).as("messages to the replaced logger").isEmpty();
    }

    @Test
    @Timeout(10)
    default void aLoggerThatThrowsDoesNotBreakTheDriver() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        driver().setLogger((level, timestamp, message) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a logger that fails (on purpose, from the contract test)");
        });
        assertThat(newAdapter().isOpen()).isTrue();
        long deadline = System.nanoTime() + LOG_DELAY.toNanos();
        while (calls.get() == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        assertThat(calls.get()).as("the failing logger was called").isPositive();
        assertThat(newAdapter().isOpen()).as("the driver still works").isTrue();
    }

    @Test
    default void theOffLoggerIsAccepted() {
        assertThatCode(() -> driver().setLogger(WintunLogger.off())).doesNotThrowAnyException();
        assertThat(newAdapter().isOpen()).isTrue();
    }
}
