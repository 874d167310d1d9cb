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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Receiving and releasing (reference section 3): packets come out in ring order; they may be
 * released in any order, but space returns only for the released prefix; an empty ring is a
 * {@code null}, not an error.
 *
 * <p>The sizes make the receive ring's limits exact: 600-byte packets take 604 bytes, and
 * 217 * 604 = 131068 = 0x20000 - 4, so 217 of them fill the smallest ring to the last byte.
 */
public interface ReceiveReleaseContract extends WintunFixture {

    /** The packet size that fills the smallest ring exactly. */
    int FILLER_SIZE = 600;
    /** How many {@link #FILLER_SIZE} packets fill the smallest ring. */
    int FILLERS_IN_MIN_RING = 217;

    @Test
    default void anEmptyRingGivesNullAtOnce() throws InterruptedException {
        try (Session session = newSession(newAdapter())) {
            assertThat(session.receivePacket()).isNull();
            assertThat(session.receivePacket(0, TimeUnit.SECONDS)).isNull();
            assertThat(session.receiveEach(packet -> { }, 4)).isZero();
            assertThat(session.isOpen()).isTrue();
        }
    }

    @Test
    default void packetsComeOutInTheOrderTheyWereDelivered() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            assertThat(network(adapter).deliver(List.of(packet(0), packet(1), packet(2)))).isTrue();
            assertThat(network(adapter).deliver(List.of(packet(3)))).isTrue();
            for (int i = 0; i < 4; i++) {
                try (Packet packet = session.receivePacket()) {
                    assertThat(packet).as("packet %d", i).isNotNull();
                    assertThat(TestPackets.stampOf(packet.buffer()).seq()).isEqualTo(i);
                }
            }
            assertThat(session.receivePacket()).isNull();
        }
    }

    @Test
    default void spaceComesBackOnlyForTheReleasedPrefix() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        byte[] tiny = TestPackets.bareIpv4(TestPackets.MIN_IPV4);
        try (Session session = newSession(adapter)) {
            assertThat(fill(network, 0)).isEqualTo(FILLERS_IN_MIN_RING);
            Packet first = session.receivePacket();
            Packet second = session.receivePacket();
            Packet third = session.receivePacket();
            assertThat(List.of(first, second, third)).doesNotContainNull();

            session.releaseReceivePacket(second);
            assertThat(network.deliver(List.of(tiny)))
                    .as("a held first packet holds back the space of the released second").isFalse();

            session.releaseReceivePacket(first);
            assertThat(network.deliver(List.of(packet(1000), packet(1001))))
                    .as("the released prefix (first and second) is free again").isTrue();
            assertThat(network.deliver(List.of(tiny))).as("and not one byte more").isFalse();

            session.releaseReceivePacket(third);
            assertThat(network.deliver(List.of(packet(1002)))).isTrue();
            assertThat(network.deliver(List.of(tiny))).isFalse();

            List<Long> order = new ArrayList<>();
            Packet packet;
            while ((packet = session.receivePacket()) != null) {
                order.add(TestPackets.stampOf(packet.buffer()).seq());
                session.releaseReceivePacket(packet);
            }
            List<Long> expected = new ArrayList<>();
            for (long seq = 3; seq < FILLERS_IN_MIN_RING; seq++) {
                expected.add(seq);
            }
            expected.addAll(List.of(1000L, 1001L, 1002L));
            assertThat(order).isEqualTo(expected);
        }
    }

    @Test
    default void packetsMayBeReleasedInAnyOrderAndAllSpaceComesBack() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            for (int round = 0; round < 3; round++) {
                assertThat(fill(network, round * 1000)).as("round %d", round).isEqualTo(FILLERS_IN_MIN_RING);
                List<Packet> received = new ArrayList<>();
                Packet packet;
                while ((packet = session.receivePacket()) != null) {
                    received.add(packet);
                }
                assertThat(received).hasSize(FILLERS_IN_MIN_RING);
                // Odd indexes backwards, then even ones forwards: nothing is released in ring order.
                for (int i = received.size() - 1 - (received.size() % 2 == 0 ? 0 : 1); i > 0; i -= 2) {
                    session.releaseReceivePacket(received.get(i));
                }
                for (int i = 0; i < received.size(); i += 2) {
                    session.releaseReceivePacket(received.get(i));
                }
                assertThat(received).noneMatch(Packet::isUsable);
            }
        }
    }

    @Test
    default void closingAReceivedPacketReleasesIt() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            assertThat(fill(network, 0)).isEqualTo(FILLERS_IN_MIN_RING);
            try (Packet packet = session.receivePacket()) {
                assertThat(packet).isNotNull();
            }
            assertThat(network.deliver(List.of(packet(5000)))).as("the closed packet's space is free").isTrue();
            Packet next = session.receivePacket();
            next.close();
            assertThat(next.isUsable()).isFalse();
            assertThatThrownBy(() -> session.releaseReceivePacket(next))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released");
            drain(session);
        }
    }

    @Test
    default void receivedPacketsAreNeverSplitWhereTheRingWrapsAround() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            long total = 0;
            for (int i = 0; total < 6L * MIN_CAPACITY; i++) {
                int size = TestPackets.MIN_STAMPED_IPV4 + (i * 1009) % 9000;
                total += size;
                byte[] bytes = TestPackets.ipv4(8, i, size);
                assertThat(network.deliver(List.of(bytes))).as("deliver packet %d", i).isTrue();
                try (Packet packet = session.receivePacket()) {
                    assertThat(packet).as("packet %d", i).isNotNull();
                    assertThat(TestPackets.bytesOf(packet.buffer())).isEqualTo(bytes);
                }
            }
        }
    }

    /**
     * Delivers {@link #FILLER_SIZE}-byte packets, one a batch, until the driver drops one.
     *
     * @return how many were delivered
     */
    private static int fill(NetworkSide network, int firstSeq) {
        int delivered = 0;
        while (network.deliver(List.of(packetOf(FILLER_SIZE, firstSeq + delivered)))) {
            delivered++;
            if (delivered > FILLERS_IN_MIN_RING) {
                throw new AssertionError("the smallest ring took more than " + FILLERS_IN_MIN_RING
                        + " packets of " + FILLER_SIZE + " bytes");
            }
        }
        return delivered;
    }

    private static void drain(Session session) {
        Packet packet;
        while ((packet = session.receivePacket()) != null) {
            session.releaseReceivePacket(packet);
        }
    }

    private static byte[] packet(long seq) {
        return packetOf(FILLER_SIZE, seq);
    }

    private static byte[] packetOf(int size, long seq) {
        return TestPackets.ipv4(9, seq, size);
    }
}
