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

/**
 * What the driver does with packets (reference section 4): from the application it accepts only
 * IPv4 of at least 20 bytes and IPv6 of at least 40 (by the version nibble, checking neither
 * checksums nor length fields) and drops the rest silently, counted, while the ring advances;
 * toward the application it drops a batch that does not fit whole, counted, leaving the ring as
 * it was; with no session it drops everything.
 */
public interface DriverPacketRulesContract extends WintunFixture {

    @Test
    default void nonIpPacketsFromTheApplicationAreDroppedCountedAndSkipped() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        List<byte[]> nonIp = List.of(
                TestPackets.withVersion(4, 19),
                TestPackets.withVersion(6, 39),
                TestPackets.withVersion(6, 20),
                TestPackets.withVersion(0, 20),
                TestPackets.withVersion(5, 60),
                TestPackets.withVersion(15, 100),
                TestPackets.withVersion(4, 1));
        try (Session session = newSession(adapter)) {
            long before = network.droppedNonIp();
            long seq = 0;
            for (byte[] frame : nonIp) {
                send(session, frame);
                byte[] marker = TestPackets.ipv4(30, seq, TestPackets.MIN_STAMPED_IPV4);
                send(session, marker);
                byte[] sent = network.takeSent(5, TimeUnit.SECONDS);
                assertThat(sent).as("the IP packet after a %d-byte frame of version %d", frame.length,
                        (frame[0] & 0xFF) >>> 4).isEqualTo(marker);
                seq++;
            }
            assertThat(network.takeSent(SendOrderContract.QUIET_MILLIS, TimeUnit.MILLISECONDS)).isNull();
            Eventually.until("the non-IP drops counted", () -> network.droppedNonIp() == before + nonIp.size());
            assertThat(network.droppedNonIp()).isEqualTo(before + nonIp.size());
        }
    }

    @Test
    default void theSmallestIpPacketsAreAcceptedAndNeitherChecksumsNorLengthsAreChecked()
            throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        byte[] badChecksum = TestPackets.ipv4(31, 0, 100);
        badChecksum[10] ^= (byte) 0xFF;
        byte[] badLength = TestPackets.ipv4(31, 1, 100);
        badLength[2] = 0x7F;
        List<byte[]> accepted = List.of(
                TestPackets.bareIpv4(TestPackets.MIN_IPV4),
                TestPackets.bareIpv6(TestPackets.MIN_IPV6),
                TestPackets.bareIpv4(39),       // 39 bytes is short only for IPv6
                TestPackets.withVersion(4, 20), // IHL and lengths nonsense, version nibble 4
                badChecksum,
                badLength);
        try (Session session = newSession(adapter)) {
            long before = network.droppedNonIp();
            for (byte[] packet : accepted) {
                send(session, packet);
            }
            for (byte[] packet : accepted) {
                assertThat(network.takeSent(5, TimeUnit.SECONDS)).isEqualTo(packet);
            }
            assertThat(network.droppedNonIp()).isEqualTo(before);
        }
    }

    @Test
    default void aBatchThatDoesNotFitIsDroppedWholeCountedAndTheRingIsUntouched() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        int size = ReceiveReleaseContract.FILLER_SIZE;
        int room = ReceiveReleaseContract.FILLERS_IN_MIN_RING;
        try (Session session = newSession(adapter)) {
            long droppedBefore = network.droppedInboundBatches();
            // Leave room for exactly one packet.
            for (int i = 0; i < room - 1; i++) {
                assertThat(network.deliver(List.of(TestPackets.ipv4(32, i, size)))).as("packet %d", i).isTrue();
            }
            List<byte[]> tooBig = List.of(TestPackets.ipv4(33, 0, size), TestPackets.ipv4(33, 1, size));
            assertThat(network.deliver(tooBig)).as("a batch of two where one fits").isFalse();
            Eventually.until("the dropped batch counted",
                    () -> network.droppedInboundBatches() == droppedBefore + 1);
            assertThat(network.droppedInboundBatches()).isEqualTo(droppedBefore + 1);

            List<PacketStamp> received = receiveAll(session);
            assertThat(received).as("only the packets delivered before, in order").hasSize(room - 1);
            for (int i = 0; i < room - 1; i++) {
                assertThat(received.get(i)).isEqualTo(new PacketStamp(32, i));
            }
            assertThat(network.deliver(tooBig)).as("the same batch once there is room").isTrue();
            assertThat(receiveAll(session)).containsExactly(new PacketStamp(33, 0), new PacketStamp(33, 1));
            assertThat(network.droppedInboundBatches()).isEqualTo(droppedBefore + 1);
        }
    }

    @Test
    default void aBatchArrivesWholeAndInOrder() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                batch.add(i % 2 == 0 ? TestPackets.ipv4(34, i, 64 + i) : TestPackets.ipv6(34, i, 80 + i));
            }
            assertThat(network(adapter).deliver(batch)).isTrue();
            List<PacketStamp> received = receiveAll(session);
            assertThat(received).hasSize(16);
            for (int i = 0; i < 16; i++) {
                assertThat(received.get(i)).isEqualTo(new PacketStamp(34, i));
            }
        }
    }

    @Test
    default void withoutASessionEveryBatchIsDropped() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        assertThat(network.deliver(List.of(TestPackets.ipv4(35, 0, 64)))).isFalse();
        try (Session session = newSession(adapter)) {
            assertThat(session.receivePacket()).as("nothing delivered before the session started").isNull();
            assertThat(network.deliver(List.of(TestPackets.ipv4(35, 1, 64)))).isTrue();
            assertThat(receiveAll(session)).containsExactly(new PacketStamp(35, 1));
        }
        assertThat(network.deliver(List.of(TestPackets.ipv4(35, 2, 64)))).as("after the session ended").isFalse();
    }

    private static void send(Session session, byte[] bytes) {
        Packet packet = session.allocateSendPacket(bytes.length);
        assertThat(packet).isNotNull();
        packet.buffer().put(0, bytes);
        session.sendPacket(packet);
    }

    private static List<PacketStamp> receiveAll(Session session) {
        List<PacketStamp> stamps = new ArrayList<>();
        Packet packet;
        while ((packet = session.receivePacket()) != null) {
            try (Packet received = packet) {
                stamps.add(TestPackets.stampOf(received.buffer()));
            }
        }
        return stamps;
    }
}
