// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.tck.TestPackets;
import io.github.wintun4j.platform.CrossPlatformBackend;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * After a crash, on the simulator: the simulator lives in this process, so the crashed application is a
 * driver whose adapter and running session are abandoned, never closed, as a killed process leaves them
 * registered until Windows cleans up after it. Another driver can then open the adapter by name, but cannot
 * start a session on it ({@code ERROR_ALREADY_INITIALIZED}: the dead session is still registered); creating an
 * adapter of that name succeeds as Wintun does, by numbering the stale adapter's name, and the new adapter
 * carries traffic. When the dead application's handles are finally closed, nothing is left.
 */
public abstract class WindowsCrashRecoveryTest {

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @Test
    void anAbandonedSessionBlocksItsAdapterButNotANewAdapterOfTheSameName() throws Exception {
        SimFaults.bind();
        long[] before = SimFaults.liveObjects();
        String name = "crashed" + ProcessHandle.current().pid() % 10000;
        WintunDriver crashed = backend().openDriver(Simulator.dll());
        Adapter abandoned = crashed.createAdapter(name, "Test", null);
        Session running = abandoned.startSession(WintunConstants.MIN_RING_CAPACITY);
        send(running, TestPackets.ipv4(9, 0, 100));
        // the crash: nothing of the first driver is closed from here on

        try (WintunDriver survivor = backend().openDriver(Simulator.dll())) {
            Adapter opened = survivor.openAdapter(name);
            WintunException busy = catchThrowableOfType(WintunException.class,
                    () -> opened.startSession(WintunConstants.MIN_RING_CAPACITY));
            assertThat(busy.operation()).isEqualTo("WintunStartSession");
            assertThat(busy.errorCode()).isEqualTo(WintunErrors.ERROR_ALREADY_INITIALIZED);

            Adapter fresh = survivor.createAdapter(name, "Test", null);
            assertThat(fresh.name()).isEqualTo(name);
            assertThat(opened.name()).as("the stale adapter, numbered").isEqualTo(name + " 1");
            SimNetworkSide network = new SimNetworkSide(fresh.luid());
            try (Session session = fresh.startSession(WintunConstants.MIN_RING_CAPACITY)) {
                byte[] inbound = TestPackets.ipv4(1, 1, 120);
                assertThat(network.deliver(List.of(inbound))).isTrue();
                Packet received = session.receivePacket(5, TimeUnit.SECONDS);
                assertThat(TestPackets.stampOf(received.buffer())).isEqualTo(TestPackets.stampOf(inbound));
                session.releaseReceivePacket(received);
                byte[] outbound = TestPackets.ipv4(2, 1, 140);
                send(session, outbound);
                assertThat(network.takeSent(5, TimeUnit.SECONDS)).isEqualTo(outbound);
            }
        } finally {
            crashed.close(); // Windows closes a dead process's handles
        }
        assertThat(SimFaults.liveObjects()).as("handles, sessions, events, adapters").containsExactly(before);
    }

    private static void send(Session session, byte[] bytes) {
        Packet packet = session.allocateSendPacket(bytes.length);
        packet.buffer().put(0, bytes);
        session.sendPacket(packet);
    }
}
