// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import static io.github.wintun4j.mock.MockDriverLifecycleTest.quietDriver;
import static io.github.wintun4j.mock.MockDriverLifecycleTest.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The faults a test can inject: an adapter removed underneath its users, a corrupt receive ring. */
class MockFaultsTest {

    private final MockDriver driver = quietDriver();
    private final Adapter adapter = driver.createAdapter("Demo", "Example", null);
    private final MockNetwork network = driver.network(adapter);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    @Timeout(10)
    void removingTheAdapterWakesABlockedReceiverWithinAHundredMilliseconds() throws Exception {
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            long[] wokenAt = new long[1];
            Thread receiver = new Thread(() -> {
                try {
                    session.receivePacket(10, TimeUnit.SECONDS);
                    outcome.complete(null);
                } catch (Throwable e) {
                    wokenAt[0] = System.nanoTime();
                    outcome.complete(e);
                }
            });
            receiver.start();
            awaitWaiting(receiver);
            long removedAt = System.nanoTime();
            network.removeAdapter();
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(WintunException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_HANDLE_EOF));
            assertThat(TimeUnit.NANOSECONDS.toMillis(wokenAt[0] - removedAt)).as("ms to wake").isLessThan(100);
        }
    }

    @Test
    void aRemovedAdapterIsGoneForEveryoneButItsHandlesAndSessionRemain() {
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        assertThat(network.deliver(new byte[20])).isTrue();
        network.removeAdapter();
        network.removeAdapter();

        assertWintunError("WintunReceivePacket", WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
        assertWintunError("WintunAllocateSendPacket", WintunErrors.ERROR_HANDLE_EOF, () -> session.allocateSendPacket(20));
        assertThat(session.isOpen()).isFalse();
        assertThat(network.hasSession()).isFalse();
        assertThat(network.deliver(new byte[20])).isFalse();
        assertThat(driver.adapterNames()).isEmpty();
        assertWintunError("WintunOpenAdapter", WintunErrors.ERROR_NOT_FOUND, () -> driver.openAdapter("Demo"));
        assertWintunError("WintunStartSession", WintunErrors.ERROR_HANDLE_EOF,
                () -> adapter.startSession(WintunConstants.MIN_RING_CAPACITY));

        adapter.close();
        assertThat(adapter.isOpen()).isFalse();
        Adapter successor = driver.createAdapter("Demo", "Example", adapter.guid());
        assertThat(successor.name()).as("the name and GUID are free again").isEqualTo("Demo");
        assertThat(adapter.name()).as("the removed one was not renamed").isEqualTo("Demo");
        session.close();
    }

    @Test
    void aCorruptReceiveRingFailsEveryReceiveWithInvalidData() {
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            assertThat(network.deliver(new byte[] {0x45})).isTrue();
            MockNetworkSide.corruptReceiveRing(network);
            try (Packet before = session.receivePacket()) {
                assertThat(before.size()).as("the packet before the corrupt record").isEqualTo(1);
            }
            for (int i = 0; i < 3; i++) {
                assertWintunError("WintunReceivePacket", WintunErrors.ERROR_INVALID_DATA, session::receivePacket);
            }
            assertWintunError("WintunReceivePacket", WintunErrors.ERROR_INVALID_DATA,
                    () -> {
                        try {
                            session.receivePacket(1, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    });
            assertThat(session.isOpen()).isTrue();
        }
    }

    @Test
    void corruptingNeedsASession() {
        assertThatThrownBy(() -> MockNetworkSide.corruptReceiveRing(network)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no session");
    }

    @Test
    @Timeout(10)
    void aTakerWaitingWithoutASessionTimesOut() throws InterruptedException {
        long start = System.nanoTime();
        assertThat(network.takeSent(50, TimeUnit.MILLISECONDS)).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(45);
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }
}
