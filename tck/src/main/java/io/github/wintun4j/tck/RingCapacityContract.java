// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.internal.Arguments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The space of the send ring (reference section 3): every packet takes {@code (4 + size + 3) & ~3}
 * bytes, one 4-byte unit always stays free, so at most {@code Capacity - 4} bytes hold packets; a
 * full ring is a {@code null} from allocate, not an exception; space comes back once the driver
 * has taken the packets; sizes are 1..0xFFFF.
 */
public interface RingCapacityContract extends WintunFixture {

    /** 1500-byte packets take 1504 bytes: 87 of them fill 130848 of the 131068 usable bytes of 0x20000. */
    int PACKETS_OF_1500_IN_MIN_RING = 87;

    @Test
    default void exactly87PacketsOf1500BytesFitTheSmallestRingThenExactlyTheRest() {
        try (Session session = newSession(newAdapter())) {
            List<Packet> allocated = new ArrayList<>();
            for (int i = 0; i < PACKETS_OF_1500_IN_MIN_RING; i++) {
                Packet packet = session.allocateSendPacket(1500);
                assertThat(packet).as("allocation %d of 1500 bytes", i + 1).isNotNull();
                allocated.add(packet);
            }
            assertThat(session.allocateSendPacket(1500)).as("allocation 88 of 1500 bytes").isNull();
            // 131068 - 87 * 1504 = 220 bytes are left: one 216-byte packet (220 in the ring) fits, then nothing.
            int rest = (MIN_CAPACITY - 4) - PACKETS_OF_1500_IN_MIN_RING * 1504 - 4;
            assertThat(session.allocateSendPacket(rest + 1)).as("allocate %d bytes", rest + 1).isNull();
            Packet last = session.allocateSendPacket(rest);
            assertThat(last).as("allocate the last %d bytes", rest).isNotNull();
            assertThat(session.allocateSendPacket(1)).as("allocate 1 byte in a full ring").isNull();
            allocated.add(last);
            allocated.forEach(Packet::close);
        }
    }

    @Test
    default void spaceComesBackOnceTheNetworkHasTakenThePackets() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            for (int round = 0; round < 3; round++) {
                List<Packet> allocated = new ArrayList<>();
                for (int i = 0; i < PACKETS_OF_1500_IN_MIN_RING; i++) {
                    // The driver may publish what it consumed a little after handing it on, packet by packet:
                    // Wintun's driver moves Head only when the stack returns the packet's NBL
                    // (driver/wintun.c, TunReturnNetBufferLists), after the network has it.
                    int number = i + 1;
                    Packet packet = Eventually.value("free space in the send ring for packet " + number,
                            () -> session.allocateSendPacket(1500));
                    assertThat(packet).as("round %d, allocation %d", round, i + 1).isNotNull();
                    packet.buffer().put(0, TestPackets.ipv4(round, i, 1500));
                    allocated.add(packet);
                }
                assertThat(session.allocateSendPacket(1500)).as("round %d: the ring is full", round).isNull();
                allocated.forEach(session::sendPacket);
                for (int i = 0; i < PACKETS_OF_1500_IN_MIN_RING; i++) {
                    byte[] sent = network.takeSent(5, TimeUnit.SECONDS);
                    assertThat(sent).as("round %d, packet %d on the network", round, i).isNotNull();
                    assertThat(TestPackets.stampOf(sent)).isEqualTo(new PacketStamp(round, i));
                }
            }
        }
    }

    @Test
    default void packetSizesAreOneTo65535() {
        try (Session session = newSession(newAdapter())) {
            for (int size : new int[] {0, -1, WintunConstants.MAX_IP_PACKET_SIZE + 1, Integer.MIN_VALUE}) {
                assertThatThrownBy(() -> session.allocateSendPacket(size))
                        .as("allocateSendPacket(%d)", size)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(messageOf(() -> Arguments.requirePacketSize(size)));
            }
            try (Packet smallest = session.allocateSendPacket(1);
                 Packet largest = session.allocateSendPacket(WintunConstants.MAX_IP_PACKET_SIZE)) {
                assertThat(smallest).isNotNull();
                assertThat(smallest.size()).isEqualTo(1);
                assertThat(largest).isNotNull();
                assertThat(largest.size()).isEqualTo(WintunConstants.MAX_IP_PACKET_SIZE);
            }
        }
    }

    @Test
    default void sentPacketsAreNeverSplitWhereTheRingWrapsAround() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            // Sizes that are not multiples of 4 and sum to several times the capacity, so records
            // start at every alignment and many run past the end of the ring.
            long total = 0;
            for (int i = 0; total < 6L * MIN_CAPACITY; i++) {
                int size = TestPackets.MIN_STAMPED_IPV4 + (i * 997) % 9000;
                total += size;
                Packet packet = Eventually.value("free space in the send ring", () -> session.allocateSendPacket(size));
                packet.buffer().put(0, TestPackets.ipv4(7, i, size));
                session.sendPacket(packet);
                byte[] sent = network.takeSent(5, TimeUnit.SECONDS);
                assertThat(sent).as("packet %d", i).isNotNull().hasSize(size);
                assertThat(TestPackets.stampOf(sent)).isEqualTo(new PacketStamp(7, i));
            }
        }
    }
}
