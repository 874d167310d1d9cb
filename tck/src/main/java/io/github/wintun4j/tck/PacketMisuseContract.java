// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A packet is used exactly once ({@link Packet} and {@link Session} Javadoc): a second release or
 * send is an {@link IllegalStateException}, a packet of another session or of the wrong direction
 * an {@link IllegalArgumentException}, each with a message that says what is wrong; a misuse
 * leaves the session working; {@link Packet#close()} is idempotent and never throws.
 */
public interface PacketMisuseContract extends WintunFixture {

    @Test
    default void aReleasedPacketIsUnusableAndASecondReleaseIsIllegalState() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            Packet packet = receiveOne(adapter, session, 0);
            session.releaseReceivePacket(packet);
            assertThat(packet.isUsable()).isFalse();
            assertThatThrownBy(packet::buffer).isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
            assertThatThrownBy(() -> session.releaseReceivePacket(packet))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already released");
            assertThatCode(packet::close).doesNotThrowAnyException();
            assertSessionStillWorks(adapter, session);
        }
    }

    @Test
    default void aSentPacketIsUnusableAndASecondSendIsIllegalState() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            Packet packet = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            packet.buffer().put(0, TestPackets.ipv4(70, 0, TestPackets.MIN_STAMPED_IPV4));
            session.sendPacket(packet);
            assertThat(packet.isUsable()).isFalse();
            assertThatThrownBy(packet::buffer).isInstanceOf(IllegalStateException.class).hasMessageContaining("sent");
            assertThatThrownBy(() -> session.sendPacket(packet))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already sent");
            assertThatCode(packet::close).doesNotThrowAnyException();
            assertThat(network(adapter).takeSent(5, TimeUnit.SECONDS)).as("sent once").isNotNull();
            assertThat(network(adapter).takeSent(SendOrderContract.QUIET_MILLIS, TimeUnit.MILLISECONDS))
                    .as("and only once").isNull();
            assertSessionStillWorks(adapter, session);
        }
    }

    @Test
    default void sendingAClosedPacketIsIllegalState() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            Packet packet = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            packet.close();
            assertThatThrownBy(() -> session.sendPacket(packet))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(packet::buffer).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    default void releasingAPacketOfAnotherSessionIsAnIllegalArgument() {
        Adapter first = newAdapter();
        Adapter second = newAdapter();
        try (Session one = newSession(first); Session two = newSession(second)) {
            Packet foreign = receiveOne(first, one, 1);
            assertThatThrownBy(() -> two.releaseReceivePacket(foreign))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another session");
            assertThat(foreign.isUsable()).as("the refused release left the packet alone").isTrue();
            one.releaseReceivePacket(foreign);
        }
    }

    @Test
    default void sendingAPacketOfAnotherSessionIsAnIllegalArgument() {
        Adapter first = newAdapter();
        Adapter second = newAdapter();
        try (Session one = newSession(first); Session two = newSession(second)) {
            Packet foreign = one.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            assertThatThrownBy(() -> two.sendPacket(foreign))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another session");
            assertThat(foreign.isUsable()).isTrue();
            foreign.close();
        }
    }

    @Test
    default void aPacketOfAnEarlierSessionOfTheSameAdapterIsForeignToo() {
        Adapter adapter = newAdapter();
        Packet old;
        try (Session earlier = newSession(adapter)) {
            old = receiveOne(adapter, earlier, 2);
        }
        try (Session session = newSession(adapter)) {
            assertThatThrownBy(() -> session.releaseReceivePacket(old))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another session");
        }
    }

    @Test
    default void sendingAReceivedPacketIsAnIllegalArgument() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            Packet received = receiveOne(adapter, session, 3);
            assertThatThrownBy(() -> session.sendPacket(received))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("received");
            assertThat(received.isUsable()).isTrue();
            session.releaseReceivePacket(received);
        }
    }

    @Test
    default void releasingAnAllocatedPacketIsAnIllegalArgument() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            Packet allocated = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            assertThatThrownBy(() -> session.releaseReceivePacket(allocated))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("allocated");
            assertThat(allocated.isUsable()).isTrue();
            allocated.close();
        }
    }

    @Test
    default void packetCloseIsIdempotentInEveryState() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            Packet received = receiveOne(adapter, session, 4);
            Packet allocated = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            Packet sent = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            sent.buffer().put(0, TestPackets.ipv4(71, 0, TestPackets.MIN_STAMPED_IPV4));
            session.sendPacket(sent);
            for (Packet packet : new Packet[] {received, allocated, sent}) {
                assertThatCode(() -> {
                    packet.close();
                    packet.close();
                    packet.close();
                }).doesNotThrowAnyException();
                assertThat(packet.isUsable()).isFalse();
            }
            assertSessionStillWorks(adapter, session);
        }
    }

    private Packet receiveOne(Adapter adapter, Session session, long seq) {
        assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(72, seq, 64)))).isTrue();
        Packet packet = session.receivePacket();
        assertThat(packet).isNotNull();
        return packet;
    }

    private void assertSessionStillWorks(Adapter adapter, Session session) {
        Packet packet = receiveOne(adapter, session, 99);
        assertThat(TestPackets.stampOf(packet.buffer())).isEqualTo(new PacketStamp(72, 99));
        session.releaseReceivePacket(packet);
        assertThat(session.receivePacket()).isNull();
    }
}
