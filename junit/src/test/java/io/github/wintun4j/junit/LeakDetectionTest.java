// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.mock.MockDriver;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** The extension fails a test that leaves something behind, and says what; and it gives each test a fresh mock. */
class LeakDetectionTest {

    @Test
    void anUnreleasedPacketFailsTheTest() {
        assertThat(failureOf("keepsAPacket")).contains("1 received packet(s) never released");
    }

    @Test
    void anUnsentPacketFailsTheTest() {
        assertThat(failureOf("keepsAnAllocatedPacket")).contains("1 allocated packet(s) never sent or closed");
    }

    @Test
    void aBlockedThreadFailsTheTest() {
        assertThat(failureOf("leavesAThreadBlocked")).contains("is still blocked in Session.receivePacket(timeout)");
    }

    @Test
    void anOpenSessionFailsTheTest() {
        assertThat(failureOf("leavesItsOwnSessionOpen")).contains("is still open");
    }

    @Test
    void aCleanTestPasses() {
        assertThat(failureOf("cleansUp")).isNull();
    }

    /** @return the message of the test's failure, or null when it passed */
    private static String failureOf(String method) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(Leaky.class, method, Leaky.parameters(method))).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsStartedCount()).as("tests run").isEqualTo(1);
        return summary.getFailures().isEmpty() ? null : summary.getFailures().get(0).getException().getMessage();
    }

    /** Tests that misbehave on purpose; run only through {@link #failureOf}. */
    @WintunMockTest(adapterName = "Leaky")
    static class Leaky {

        static String parameters(String method) {
            return switch (method) {
                case "leavesItsOwnSessionOpen" -> Adapter.class.getName();
                case "cleansUp" -> String.join(",", WintunDriver.class.getName(), MockDriver.class.getName(),
                        Adapter.class.getName(), Session.class.getName(), TestNetwork.class.getName());
                case "keepsAPacket", "keepsAnAllocatedPacket", "leavesAThreadBlocked" ->
                        String.join(",", Session.class.getName(), TestNetwork.class.getName());
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Test
        void keepsAPacket(Session session, TestNetwork network) {
            network.inject(TestPackets.echoRequest("10.6.7.8", "10.6.7.7", 1));
            assertThat(session.receivePacket()).isNotNull();
        }

        @Test
        void keepsAnAllocatedPacket(Session session, TestNetwork network) {
            assertThat(session.allocateSendPacket(28)).isNotNull();
        }

        @Test
        void leavesAThreadBlocked(Session session, TestNetwork network) throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            Thread thread = new Thread(() -> {
                started.countDown();
                try (Packet packet = session.receivePacket(30, TimeUnit.SECONDS)) {
                    assertThat(packet).isNull();
                } catch (Exception e) {
                    // ended by the extension's close
                }
            }, "forgotten");
            thread.start();
            started.await();
            // The thread must be inside the call when the test ends: wait until the ledger shows it.
            while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
        }

        @Test
        void leavesItsOwnSessionOpen(Adapter adapter) {
            adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        }

        @Test
        void cleansUp(WintunDriver driver, MockDriver mock, Adapter adapter, Session session, TestNetwork network)
                throws Exception {
            assertThat(driver).isSameAs(mock);
            assertThat(adapter.name()).isEqualTo("Leaky");
            network.inject(TestPackets.echoRequest("10.6.7.8", "10.6.7.7", 1));
            try (Packet packet = session.receivePacket()) {
                assertThat(packet).isNotNull();
            }
            assertThat(session.sendCopy(java.nio.ByteBuffer.wrap(TestPackets.echoRequest("10.6.7.7", "10.6.7.8", 2))))
                    .isTrue();
            assertThat(TestPackets.echo(network.takeSent(Duration.ofSeconds(1))).sequence()).isEqualTo(2);
            network.assertNothingSent(Duration.ZERO);
        }
    }
}
