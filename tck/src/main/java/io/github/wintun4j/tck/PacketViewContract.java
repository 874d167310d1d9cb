// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packet's view of its bytes ({@link Packet} Javadoc): a direct buffer into the ring, position
 * 0, limit and capacity the packet size, big-endian, the same view on every call; read-only for
 * received packets, writable for allocated ones; the bytes are exactly those of the other side.
 */
public interface PacketViewContract extends WintunFixture {

    @Test
    default void aReceivedPacketIsAReadOnlyDirectViewOfTheDeliveredBytes() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            byte[] delivered = TestPackets.ipv4(3, 42, 1000);
            assertThat(network(adapter).deliver(List.of(delivered))).isTrue();
            Packet packet = session.receivePacket();
            assertThat(packet).isNotNull();
            assertThat(packet.isReceived()).isTrue();
            assertThat(packet.isUsable()).isTrue();
            assertThat(packet.size()).isEqualTo(delivered.length);
            ByteBuffer view = packet.buffer();
            assertView(view, delivered.length);
            assertThat(view.isReadOnly()).isTrue();
            assertThat(packet.buffer()).as("every call returns the same view").isSameAs(view);
            assertThat(TestPackets.bytesOf(view)).isEqualTo(delivered);
            assertThatThrownBy(() -> view.put(0, (byte) 0)).isInstanceOf(ReadOnlyBufferException.class);
            session.releaseReceivePacket(packet);
            assertThat(packet.isUsable()).isFalse();
            assertThat(packet.size()).as("size() still answers after release").isEqualTo(delivered.length);
            assertThat(packet.isReceived()).isTrue();
        }
    }

    @Test
    default void anAllocatedPacketIsAWritableDirectViewAndItsBytesReachTheNetwork() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            byte[] bytes = TestPackets.ipv6(4, 43, 1200);
            Packet packet = session.allocateSendPacket(bytes.length);
            assertThat(packet).isNotNull();
            assertThat(packet.isReceived()).isFalse();
            assertThat(packet.isUsable()).isTrue();
            assertThat(packet.size()).isEqualTo(bytes.length);
            ByteBuffer view = packet.buffer();
            assertView(view, bytes.length);
            assertThat(view.isReadOnly()).isFalse();
            assertThat(packet.buffer()).as("every call returns the same view").isSameAs(view);
            view.put(bytes); // relative writes through the view work too
            session.sendPacket(packet);
            assertThat(packet.isUsable()).isFalse();
            assertThat(packet.size()).isEqualTo(bytes.length);
            assertThat(network(adapter).takeSent(5, TimeUnit.SECONDS)).isEqualTo(bytes);
        }
    }

    @Test
    default void everySizeFromTheSmallestIpPacketToTheLargestKeepsItsBytesBothWays() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        int[] sizes = {TestPackets.MIN_STAMPED_IPV4, TestPackets.MIN_STAMPED_IPV4 + 1, TestPackets.MIN_STAMPED_IPV4 + 2,
                TestPackets.MIN_STAMPED_IPV4 + 3, 1500, 0x7FFF, 0xFFFF};
        try (Session session = newSession(adapter)) {
            long seq = 0;
            for (int size : sizes) {
                byte[] inbound = TestPackets.ipv4(5, seq++, size);
                assertThat(network.deliver(List.of(inbound))).as("deliver %d bytes", size).isTrue();
                try (Packet packet = session.receivePacket()) {
                    assertThat(packet).isNotNull();
                    assertThat(TestPackets.bytesOf(packet.buffer())).as("received %d bytes", size).isEqualTo(inbound);
                }
                byte[] outbound = TestPackets.ipv4(6, seq++, size);
                Packet packet = session.allocateSendPacket(size);
                assertThat(packet).as("allocate %d bytes", size).isNotNull();
                packet.buffer().put(0, outbound);
                session.sendPacket(packet);
                assertThat(network.takeSent(5, TimeUnit.SECONDS)).as("sent %d bytes", size).isEqualTo(outbound);
            }
        }
    }

    private static void assertView(ByteBuffer view, int size) {
        assertThat(view).isNotNull();
        assertThat(view.isDirect()).as("the view is direct memory, not a copy").isTrue();
        assertThat(view.position()).isZero();
        assertThat(view.limit()).isEqualTo(size);
        assertThat(view.capacity()).isEqualTo(size);
        assertThat(view.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }
}
