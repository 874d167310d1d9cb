// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.linux.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where and in what order a Linux session writes sent packets ({@link SendPath}), against
 * {@link FakeKernel}: on the sending thread, before the send returns, in ring order; a packet the
 * kernel refuses with EAGAIN, and the ones behind it, later and still in order.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SendPathTest {

    private final FakeKernel kernel = new FakeKernel();
    private LinuxDriver driver;
    private Adapter adapter;

    @BeforeEach
    void createAdapter() {
        driver = new LinuxDriver("fake", kernel);
        driver.setLogger(WintunLogger.off());
        adapter = driver.createAdapter("fake2", "Fake", null);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aSendIsWrittenToTheDeviceOnTheSendingThreadBeforeItReturns() {
        try (Session session = adapter.startSession(0x20000)) {
            for (int i = 0; i < 10; i++) {
                send(session, i);
                assertThat(kernel.written()).as("written when send %d returned", i).hasSize(i + 1);
            }
        }
        assertThat(numbers(kernel.written())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(kernel.writers()).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void packetsRefusedWithEagainAreWrittenLaterAndInRingOrder() throws Exception {
        try (Session session = adapter.startSession(0x20000)) {
            send(session, 0);
            kernel.refuseWrites(3);
            for (int i = 1; i < 20; i++) {
                send(session, i);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (kernel.written().size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertThat(numbers(kernel.written())).as("every packet once, in the order sent").isEqualTo(expected);
        assertThat(kernel.violations()).isEmpty();
    }

    /**
     * The warning that a write failed (device gone, or packets refused) reaches the application's
     * logger; a logger that ends the session right there must not wait for the write in progress
     * on its own thread (the session's close takes the descriptor away from writers first).
     */
    @ParameterizedTest
    @ValueSource(ints = {Errno.EBADFD, Errno.EIO})
    void aLoggerThatClosesTheSessionOnAWriteFailureDoesNotHangTheSender(int errno) throws Exception {
        AtomicReference<Session> running = new AtomicReference<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        driver.setLogger((level, time, message) -> {
            if (level == WintunLogLevel.WARN) {
                warnings.add(message);
                Session session = running.get();
                if (session != null) {
                    session.close();
                }
            }
        });
        Session session = adapter.startSession(0x20000);
        running.set(session);
        kernel.failWritesWith(errno);
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> send(session, 1));
        sender.get(10, TimeUnit.SECONDS);
        assertThat(warnings).as("the failure was reported").isNotEmpty();
        assertThat(session.isOpen()).as("the logger closed the session").isFalse();
        assertThat(kernel.written()).isEmpty();
    }

    /** Sends an IPv4-looking packet that carries {@code number} in its last byte. */
    private static void send(Session session, int number) {
        Packet packet = session.allocateSendPacket(40);
        packet.buffer().put(0, (byte) 0x45).put(39, (byte) number);
        session.sendPacket(packet);
    }

    private static List<Integer> numbers(List<byte[]> packets) {
        List<Integer> numbers = new ArrayList<>();
        for (byte[] packet : packets) {
            numbers.add((int) packet[packet.length - 1]);
        }
        return numbers;
    }
}
