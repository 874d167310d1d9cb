// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.mock.MockBackend;
import io.github.wintun4j.mock.MockNetwork;

import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mock's driver component outside a framework: what SCR's deactivation does to a consumer
 * that still uses the driver. The OSGi side (registration, properties) runs in the Pax Exam tests.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MockDriverServiceTest {

    @Test
    void deactivationEndsTheSessionsOfItsConsumerWithEndOfFile() throws Exception {
        MockDriverService service = new MockDriverService(new MockBackend());
        service.setLogger(WintunLogger.off());
        Adapter adapter = service.createAdapter("Demo", "Example", null);
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        FutureTask<Throwable> blocked = new FutureTask<>(() -> {
            try {
                session.receivePacket(5, TimeUnit.SECONDS);
                return null;
            } catch (WintunException | InterruptedException e) {
                return e;
            }
        });
        Thread receiver = new Thread(blocked, "receiver");
        receiver.start();
        awaitWaiting(receiver);

        service.deactivate();

        assertThat(blocked.get(1, TimeUnit.SECONDS)).isInstanceOfSatisfying(WintunException.class,
                e -> assertThat(e.isEndOfFile()).isTrue());
        assertThat(adapter.isOpen()).isFalse();
        assertThat(session.isOpen()).isFalse();
        assertThatThrownBy(() -> service.createAdapter("Again", "Example", null))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Waits, for at most 5 s, until the thread waits in its timed receive (past the spin). */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime() - deadline).as("the receive never started to wait").isNegative();
            Thread.sleep(1);
        }
    }

    @Test
    void adaptersOfTheServiceAreMockAdaptersWithANetworkSide() {
        MockDriverService service = new MockDriverService(new MockBackend());
        service.setLogger(WintunLogger.off());
        try (Adapter adapter = service.createAdapter("Demo", "Example", null)) {
            assertThat(service.backendName()).isEqualTo("mock");
            assertThat(MockNetwork.of(adapter)).hasValueSatisfying(
                    network -> assertThat(network.counters().deliveredPackets()).isZero());
        } finally {
            service.deactivate();
        }
    }
}
