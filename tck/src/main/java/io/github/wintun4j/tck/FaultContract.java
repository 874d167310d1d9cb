// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Faults from below: the adapter disappearing while in use (the driver terminates both rings:
 * {@code ERROR_HANDLE_EOF} everywhere, and the adapter is gone), and a corrupt receive ring
 * ({@code ERROR_INVALID_DATA}, confined to that ring and that session).
 */
public interface FaultContract extends WintunFixture {

    @Test
    default void whenTheAdapterGoesAwayBothDirectionsEndWithEndOfFile() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            Packet allocated = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            assertThat(allocated).isNotNull();
            network.removeAdapter();
            assertThat(session.isOpen()).as("the session ended by the adapter").isFalse();
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4));
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> session.sendPacket(allocated));
            assertThat(network.deliver(List.of(TestPackets.ipv4(50, 0, 64)))).as("deliver to a removed adapter").isFalse();
        }
    }

    @Test
    default void aRemovedAdapterCannotBeOpenedAndClosingEverythingStillWorks() {
        Adapter adapter = newAdapter();
        String name = adapter.name();
        Session session = newSession(adapter);
        try (Packet packet = session.allocateSendPacket(64)) {
            network(adapter).removeAdapter();
            assertThatCode(packet::close).as("closing a packet of a removed adapter").doesNotThrowAnyException();
        }
        assertWintunError(WintunErrors.ERROR_NOT_FOUND, () -> driver().openAdapter(name));
        assertThatCode(() -> {
            session.close();
            session.close();
            adapter.close();
            adapter.close();
        }).doesNotThrowAnyException();
        assertThat(session.isOpen()).isFalse();
        assertThat(adapter.isOpen()).isFalse();
    }

    @Test
    default void aCorruptReceiveRingLeavesTheSendRingWorking() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            network.corruptReceiveRing();
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, session::receivePacket);
            byte[] bytes = TestPackets.ipv4(51, 0, 200);
            Packet packet = session.allocateSendPacket(bytes.length);
            assertThat(packet).isNotNull();
            packet.buffer().put(0, bytes);
            session.sendPacket(packet);
            assertThat(network.takeSent(5, TimeUnit.SECONDS)).isEqualTo(bytes);
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, session::receivePacket);
        }
    }

    @Test
    default void aNewSessionAfterACorruptOneStartsClean() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            network.corruptReceiveRing();
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, session::receivePacket);
        }
        try (Session session = newSession(adapter)) {
            assertThat(session.receivePacket()).as("a fresh ring is empty").isNull();
            assertThat(network.deliver(List.of(TestPackets.ipv4(52, 0, 64)))).isTrue();
            try (Packet packet = session.receivePacket()) {
                assertThat(packet).isNotNull();
                assertThat(TestPackets.stampOf(packet.buffer())).isEqualTo(new PacketStamp(52, 0));
            }
        }
    }

    @Test
    default void aCorruptFullRingIsReportedAsCorruptNeverAsEmpty() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        int size = ReceiveReleaseContract.FILLER_SIZE;
        try (Session session = newSession(adapter)) {
            int delivered = 0;
            while (network.deliver(List.of(TestPackets.ipv4(53, delivered, size)))) {
                delivered++;
            }
            assertThat(delivered).isEqualTo(ReceiveReleaseContract.FILLERS_IN_MIN_RING);
            network.corruptReceiveRing();
            // Whichever record the fault spoils, the packets before it come out in order and the
            // reader then meets the corruption: a full ring must never turn into an empty one.
            int received = 0;
            while (true) {
                Packet packet;
                try {
                    packet = session.receivePacket();
                } catch (WintunException e) {
                    assertWintunError(e, WintunErrors.ERROR_INVALID_DATA);
                    break;
                }
                assertThat(packet).as("receive %d of a full ring that was corrupted: %d packets were delivered",
                        received, delivered).isNotNull();
                assertThat(TestPackets.stampOf(packet.buffer())).isEqualTo(new PacketStamp(53, received));
                session.releaseReceivePacket(packet);
                received++;
            }
            assertThat(received).isLessThanOrEqualTo(delivered);
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, session::receivePacket);
        }
    }
}
