// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import static io.github.wintun4j.mock.MockDriverLifecycleTest.quietDriver;
import static io.github.wintun4j.mock.MockNetworkTrafficTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.ip.IcmpEcho;
import io.github.wintun4j.ip.Ipv4Header;
import io.github.wintun4j.ip.UdpDatagram;
import io.github.wintun4j.ip.UdpPacketBuilder;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The responders: the host stack of the Wintun example, a remote pinger, a UDP echo service. */
class MockRespondersTest {

    private static final InetAddress ADAPTER_V4 = address("10.6.7.7");
    private static final InetAddress PEER_V4 = address("10.6.7.8");
    private static final InetAddress ADAPTER_V6 = address("fd00:6:7::7");
    private static final InetAddress PEER_V6 = address("fd00:6:7::8");

    private final MockDriver driver = quietDriver();
    private final Adapter adapter = driver.createAdapter("Demo", "Example", null);
    private final MockNetwork network = driver.network(adapter);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void theHostAnswersTheExampleProgramsPingToTheAdaptersAddress() {
        adapter.addAddress(ADAPTER_V4, 24);
        try (Session session = adapter.startSession(WintunConstants.EXAMPLE_RING_CAPACITY)) {
            byte[] request = EchoPacketBuilder.request().source(PEER_V4).destination(ADAPTER_V4)
                    .identifier(0).sequence(1).toByteArray();
            assertThat(request).hasSize(28);
            send(session, request);

            IcmpEcho reply = receiveEcho(session);
            assertThat(reply.isReply()).isTrue();
            assertThat(reply.ip().source()).isEqualTo(ADAPTER_V4);
            assertThat(reply.ip().destination()).isEqualTo(PEER_V4);
            assertThat(((Ipv4Header) reply.ip()).isChecksumValid()).isTrue();
            assertThat(reply.isChecksumValid()).isTrue();
            assertThat(reply.sequence()).isEqualTo(1);
            assertThat(network.takeSent()).as("answered, so not queued").isNull();
            assertThat(network.counters()).isEqualTo(new MockCounters(1, 0, 0, 1, 0));
        }
    }

    @Test
    void theHostAnswersOnlyItsOwnAddresses() {
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            byte[] request = EchoPacketBuilder.request().source(PEER_V4).destination(ADAPTER_V4).toByteArray();
            send(session, request);
            assertThat(session.receivePacket()).as("10.6.7.7 is not assigned yet").isNull();
            assertThat(network.takeSent()).isEqualTo(request);

            adapter.addAddress(ADAPTER_V4, 24);
            network.removeResponder(MockResponders.host());
            send(session, request);
            assertThat(session.receivePacket()).as("the host responder was removed").isNull();
            assertThat(network.takeSent()).isEqualTo(request);
        }
    }

    @Test
    void theHostAnswersIpv6EchoRequestsToAnAssignedAddress() {
        adapter.addAddress(ADAPTER_V6, 64);
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            byte[] data = "ping over v6".getBytes(StandardCharsets.US_ASCII);
            send(session, EchoPacketBuilder.request().source(PEER_V6).destination(ADAPTER_V6)
                    .identifier(7).sequence(9).payload(data).toByteArray());
            IcmpEcho reply = receiveEcho(session);
            assertThat(reply.ip().version()).isEqualTo(6);
            assertThat(reply.type()).isEqualTo(IcmpEcho.ECHO_REPLY_V6);
            assertThat(reply.isChecksumValid()).isTrue();
            assertThat(reply.ip().source()).isEqualTo(ADAPTER_V6);
            assertThat(reply.ip().destination()).isEqualTo(PEER_V6);
            assertThat(reply.identifier()).isEqualTo(7);
            assertThat(reply.payloadBytes()).isEqualTo(data);
        }
    }

    @Test
    void aRemoteEchoResponderAnswersAnyAddress() {
        network.addResponder(MockResponders.icmpEcho());
        InetAddress remote = address("192.0.2.1");
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            send(session, EchoPacketBuilder.request().source(PEER_V4).destination(remote).sequence(3).toByteArray());
            IcmpEcho reply = receiveEcho(session);
            assertThat(reply.ip().source()).isEqualTo(remote);
            assertThat(reply.isChecksumValid()).isTrue();
        }
    }

    @Test
    void aUdpEchoServiceSwapsAddressesAndPortsWithRightChecksums() {
        network.addResponder(MockResponders.udpEcho(7));
        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            for (InetAddress[] pair : new InetAddress[][] {{PEER_V4, ADAPTER_V4}, {PEER_V6, ADAPTER_V6}}) {
                send(session, UdpPacketBuilder.datagram().source(pair[0], 40000).destination(pair[1], 7)
                        .payload(data).toByteArray());
                try (Packet packet = session.receivePacket()) {
                    assertThat(packet).isNotNull();
                    UdpDatagram reply = UdpDatagram.parse(packet.buffer()).value();
                    assertThat(reply.ip().source()).isEqualTo(pair[1]);
                    assertThat(reply.ip().destination()).isEqualTo(pair[0]);
                    assertThat(reply.sourcePort()).isEqualTo(7);
                    assertThat(reply.destinationPort()).isEqualTo(40000);
                    assertThat(reply.isChecksumValid()).isTrue();
                    assertThat(reply.payloadBytes()).isEqualTo(data);
                }
            }
            byte[] otherPort = UdpPacketBuilder.datagram().source(PEER_V4, 40000).destination(ADAPTER_V4, 8)
                    .payload(data).toByteArray();
            send(session, otherPort);
            assertThat(session.receivePacket()).isNull();
            assertThat(network.takeSent()).isEqualTo(otherPort);
        }
    }

    @Test
    void portZeroEchoesEveryPortAndEqualRespondersRemoveEachOther() {
        network.addResponder(MockResponders.udpEcho(0));
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            send(session, UdpPacketBuilder.datagram().source(PEER_V4, 1234).destination(ADAPTER_V4, 5353).toByteArray());
            try (Packet packet = session.receivePacket()) {
                assertThat(UdpDatagram.parse(packet.buffer()).value().sourcePort()).isEqualTo(5353);
            }
            network.removeResponder(MockResponders.udpEcho(0));
            send(session, UdpPacketBuilder.datagram().source(PEER_V4, 1234).destination(ADAPTER_V4, 5353).toByteArray());
            assertThat(session.receivePacket()).isNull();
        }
        assertThat(MockResponders.udpEcho(7)).isEqualTo(MockResponders.udpEcho(7)).isNotEqualTo(MockResponders.udpEcho(8));
        assertThatThrownBy(() -> MockResponders.udpEcho(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MockResponders.udpEcho(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstResponderWithRepliesWinsAndEachReplyIsItsOwnBatch() {
        network.clearResponders();
        network.addResponder((packet, net) -> {
            throw new IllegalStateException("a broken responder is skipped");
        });
        network.addResponder((packet, net) -> List.of());
        network.addResponder((packet, net) -> List.of(new byte[] {0x45, 1}, new byte[] {0x45, 2}));
        network.addResponder((packet, net) -> List.of(new byte[] {0x45, 3}));
        driver.setLogger(null);
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            send(session, MockNetworkTrafficTest.frame(0x45, 20));
            Packet[] packets = {session.receivePacket(), session.receivePacket()};
            assertThat(session.receivePacket()).isNull();
            assertThat(packets[0].buffer().get(1)).isEqualTo((byte) 1);
            assertThat(packets[1].buffer().get(1)).isEqualTo((byte) 2);
            assertThat(network.counters().deliveredPackets()).isEqualTo(2);
        }
    }

    @Test
    void aResponderSeesAReadOnlyBigEndianViewOfExactlyThePacket() {
        network.clearResponders();
        ByteBuffer[] seen = new ByteBuffer[1];
        network.addResponder((packet, net) -> {
            seen[0] = ByteBuffer.allocate(packet.remaining()).put(packet.duplicate()).flip();
            assertThat(packet.isReadOnly()).isTrue();
            assertThat(packet.order()).isEqualTo(java.nio.ByteOrder.BIG_ENDIAN);
            return List.of();
        });
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            byte[] frame = MockNetworkTrafficTest.frame(0x45, 23);
            frame[22] = 9;
            send(session, frame);
            assertThat(seen[0].array()).isEqualTo(frame);
        }
    }

    private static IcmpEcho receiveEcho(Session session) {
        try (Packet packet = session.receivePacket()) {
            assertThat(packet).as("the echo reply").isNotNull();
            ByteBuffer copy = ByteBuffer.allocate(packet.size()).put(packet.buffer().duplicate()).flip();
            return IcmpEcho.parse(copy).value();
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
