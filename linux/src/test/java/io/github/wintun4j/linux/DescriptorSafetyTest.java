// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The descriptor discipline of sessions, against {@link FakeKernel}, which sees every call: the
 * pump stops before its descriptors close, no number is used after its close, nothing is closed
 * twice or left open, whatever thread closes and whatever the other threads are doing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DescriptorSafetyTest {

    private static final byte[] PACKET = ipv4(64);

    @Test
    void aSessionClosedWhileThreadsReceiveAndSendUsesNoDescriptorAfterItsClose() throws Exception {
        FakeKernel kernel = new FakeKernel();
        try (LinuxDriver driver = new LinuxDriver("fake", kernel)) {
            driver.setLogger(WintunLogger.off());
            Adapter adapter = driver.createAdapter("fake0", "Fake", null);
            for (int round = 0; round < 50; round++) {
                Session session = adapter.startSession(0x20000);
                List<Thread> threads = new ArrayList<>();
                AtomicReference<Throwable> unexpected = new AtomicReference<>();
                threads.add(worker(unexpected, () -> {
                    while (true) {
                        try (Packet packet = session.receivePacket(1, TimeUnit.SECONDS)) {
                            if (packet != null) {
                                packet.buffer().get(0);
                            }
                        }
                    }
                }));
                threads.add(worker(unexpected, () -> {
                    while (true) {
                        Packet packet = session.allocateSendPacket(PACKET.length);
                        if (packet != null) {
                            packet.buffer().put(0, PACKET);
                            session.sendPacket(packet);
                        }
                    }
                }));
                threads.forEach(Thread::start);
                for (int i = 0; i < 20; i++) {
                    kernel.route(PACKET);
                }
                Thread.sleep(2);
                session.close();
                for (Thread thread : threads) {
                    thread.join(5000);
                    assertThat(thread.isAlive()).as("a thread still inside the closed session").isFalse();
                }
                assertThat(unexpected.get()).as("what a worker met after close").isNull();
            }
            assertThat(kernel.written()).isNotEmpty();
        }
        assertThat(kernel.violations()).as("calls on descriptors that were not open").isEmpty();
        assertThat(kernel.openDescriptors()).as("descriptors left open").isZero();
    }

    @Test
    void twoThreadsClosingTheSameSessionBothReturnOnlyWhenItIsDone() throws Exception {
        FakeKernel kernel = new FakeKernel();
        try (LinuxDriver driver = new LinuxDriver("fake", kernel)) {
            driver.setLogger(WintunLogger.off());
            Adapter adapter = driver.createAdapter("fake1", "Fake", null);
            for (int round = 0; round < 50; round++) {
                Session session = adapter.startSession(0x20000);
                int before = kernel.closedDescriptors();
                Thread other = new Thread(session::close);
                other.start();
                session.close();
                assertThat(kernel.closedDescriptors()).as("the TUN descriptor and the eventfd, closed")
                        .isEqualTo(before + 2);
                other.join();
                assertThat(kernel.closedDescriptors()).isEqualTo(before + 2);
            }
        }
        assertThat(kernel.violations()).isEmpty();
        assertThat(kernel.openDescriptors()).isZero();
    }

    @Test
    void closingTheAdapterOrTheDriverEndsTheSessionFirst() {
        FakeKernel kernel = new FakeKernel();
        LinuxDriver driver = new LinuxDriver("fake", kernel);
        driver.setLogger(WintunLogger.off());
        Adapter first = driver.createAdapter("fake2", "Fake", null);
        Session one = first.startSession(0x20000);
        first.close();
        assertThat(one.isOpen()).isFalse();
        Session two = driver.createAdapter("fake3", "Fake", null).startSession(0x20000);
        driver.close();
        assertThat(two.isOpen()).isFalse();
        try {
            two.receivePacket();
        } catch (WintunException e) {
            assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_HANDLE_EOF);
        }
        assertThat(kernel.violations()).isEmpty();
        assertThat(kernel.openDescriptors()).isZero();
    }

    /** A worker that runs until the session ends it; anything but the documented end is kept. */
    private static Thread worker(AtomicReference<Throwable> unexpected, Loop loop) {
        return new Thread(() -> {
            try {
                loop.run();
            } catch (WintunException e) {
                if (e.errorCode() != WintunErrors.ERROR_HANDLE_EOF) {
                    unexpected.compareAndSet(null, e);
                }
            } catch (IllegalStateException e) {
                if (!e.getMessage().contains("closed")) {
                    unexpected.compareAndSet(null, e);
                }
            } catch (Throwable e) {
                unexpected.compareAndSet(null, e);
            }
        });
    }

    /** The body of a worker. */
    @FunctionalInterface
    private interface Loop {
        void run() throws Exception;
    }

    private static byte[] ipv4(int size) {
        byte[] packet = new byte[size];
        packet[0] = 0x45;
        return packet;
    }
}
