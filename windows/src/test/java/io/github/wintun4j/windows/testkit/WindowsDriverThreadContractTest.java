// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.tck.TestPackets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole contract kit through a backend's Windows binding with the simulator's driver on threads of its own
 * ({@code WintunSimUseDriverThreads}): a consumer drains the send ring and a stack thread fills the receive ring
 * while the application calls, with WireGuard/wintun's protocol ({@code driver/wintun.c},
 * {@code TunProcessReceiveData}: spin, then Alertable and the "tail moved" event; {@code api/session.c},
 * {@code WintunSendPacket}: the event only when Alertable; the read-wait event on every Tail move). Races of the
 * binding's wait and wake logic that the synchronous driver cannot show can show here.
 */
public abstract class WindowsDriverThreadContractTest extends WindowsContractTest {

    @BeforeEach
    final void useDriverThreads() {
        SimHooks.bind();
        SimHooks.WintunSimUseDriverThreads(1);
    }

    @AfterEach
    final void useDriverInsideTheCalls() {
        SimHooks.WintunSimUseDriverThreads(0);
    }

    /** The mode is in effect: the packets of a session went through the driver's threads. */
    @Test
    void thePacketsOfASessionGoThroughTheDriverThreads() throws InterruptedException {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        byte[] sent = TestPackets.ipv4(1, 0, 64);
        Packet outgoing = session.allocateSendPacket(sent.length);
        outgoing.buffer().put(sent);
        session.sendPacket(outgoing);
        assertThat(network(adapter).takeSent(10, TimeUnit.SECONDS)).isEqualTo(sent);
        assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(2, 0, 64)))).isTrue();
        try (Packet received = session.receivePacket(10, TimeUnit.SECONDS)) {
            assertThat(received).isNotNull();
        }
        assertThat(SimHooks.WintunSimDriverThreadMoves(adapter.luid())).isEqualTo(2);
        session.close();
    }
}
