// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Send order (reference section 3; {@link Session} Javadoc): the order of allocation is the order
 * on the wire, whatever the order of the sends; a packet becomes visible only once every packet
 * allocated before it was sent or closed; a packet closed without sending goes out as a non-IP
 * frame that the driver drops, so it never stalls the packets after it.
 */
public interface SendOrderContract extends WintunFixture {

    /** How long the kit watches for a packet that must not appear. */
    long QUIET_MILLIS = 200;

    @Test
    default void packetsReachTheNetworkInAllocationOrderEvenWhenSentInReverse() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            List<Packet> packets = allocateStamped(session, 12, 5);
            for (int i = packets.size() - 1; i >= 1; i--) {
                session.sendPacket(packets.get(i));
            }
            assertThat(network.takeSent(QUIET_MILLIS, TimeUnit.MILLISECONDS))
                    .as("nothing is visible while the first allocated packet is unsent").isNull();
            session.sendPacket(packets.get(0));
            for (int i = 0; i < packets.size(); i++) {
                byte[] sent = network.takeSent(5, TimeUnit.SECONDS);
                assertThat(sent).as("packet %d", i).isNotNull();
                assertThat(TestPackets.stampOf(sent)).isEqualTo(new PacketStamp(12, i));
            }
            assertThat(network.takeSent(QUIET_MILLIS, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    default void packetsSentInAnInterleavedOrderKeepAllocationOrder() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            List<Packet> packets = allocateStamped(session, 13, 8);
            for (int i : new int[] {1, 3, 0, 2, 7, 5, 6, 4}) {
                session.sendPacket(packets.get(i));
            }
            for (int i = 0; i < packets.size(); i++) {
                byte[] sent = network.takeSent(5, TimeUnit.SECONDS);
                assertThat(sent).as("packet %d", i).isNotNull();
                assertThat(TestPackets.stampOf(sent)).isEqualTo(new PacketStamp(13, i));
            }
        }
    }

    @Test
    default void aPacketClosedWithoutSendingIsDroppedAsNonIpAndDoesNotStallTheOthers() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            long droppedBefore = network.droppedNonIp();
            List<Packet> packets = allocateStamped(session, 14, 3);
            session.sendPacket(packets.get(2));
            session.sendPacket(packets.get(0));
            assertThat(TestPackets.stampOf(network.takeSent(5, TimeUnit.SECONDS))).isEqualTo(new PacketStamp(14, 0));
            assertThat(network.takeSent(QUIET_MILLIS, TimeUnit.MILLISECONDS))
                    .as("the third waits behind the unsent second").isNull();

            packets.get(1).close();

            assertThat(packets.get(1).isUsable()).isFalse();
            assertThatCode(packets.get(1)::close).as("close is idempotent").doesNotThrowAnyException();
            byte[] next = network.takeSent(5, TimeUnit.SECONDS);
            assertThat(next).as("the packet after the closed one").isNotNull();
            assertThat(TestPackets.stampOf(next)).isEqualTo(new PacketStamp(14, 2));
            assertThat(network.takeSent(QUIET_MILLIS, TimeUnit.MILLISECONDS))
                    .as("the closed packet never reaches the network").isNull();
            Eventually.until("the closed packet counted as a non-IP drop",
                    () -> network.droppedNonIp() == droppedBefore + 1);
            assertThat(network.droppedNonIp()).isEqualTo(droppedBefore + 1);
        }
    }

    @Test
    default void anUnsentPacketStallsEveryLaterOne() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            List<Packet> packets = allocateStamped(session, 15, 2);
            session.sendPacket(packets.get(1));
            assertThat(network.takeSent(QUIET_MILLIS, TimeUnit.MILLISECONDS)).isNull();
            List<Packet> later = allocateStamped(session, 16, 1);
            session.sendPacket(later.get(0));
            assertThat(network.takeSent(QUIET_MILLIS, TimeUnit.MILLISECONDS))
                    .as("still stalled behind the first").isNull();
            session.sendPacket(packets.get(0));
            assertThat(TestPackets.stampOf(network.takeSent(5, TimeUnit.SECONDS))).isEqualTo(new PacketStamp(15, 0));
            assertThat(TestPackets.stampOf(network.takeSent(5, TimeUnit.SECONDS))).isEqualTo(new PacketStamp(15, 1));
            assertThat(TestPackets.stampOf(network.takeSent(5, TimeUnit.SECONDS))).isEqualTo(new PacketStamp(16, 0));
        }
    }

    private static List<Packet> allocateStamped(Session session, int sender, int count) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int size = TestPackets.MIN_STAMPED_IPV4 + 10 * i;
            Packet packet = session.allocateSendPacket(size);
            assertThat(packet).isNotNull();
            packet.buffer().put(0, TestPackets.ipv4(sender, i, size));
            packets.add(packet);
        }
        return packets;
    }
}
