// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static io.github.wintun4j.ip.PacketDescription.Direction.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class PacketDescriptionTest {

    private static final String NO_ROOM = "Received packet without room for an IP header";

    @Test
    void ipv4EchoReply() {
        byte[] reply = EchoPacketBuilder.reply().source(Hex.ip("10.6.7.7")).destination(Hex.ip("10.6.7.8")).toByteArray();
        assertThat(PacketDescription.describe(RECEIVED, reply)).isEqualTo("Received IPv4 ICMP echo reply from 10.6.7.7 to 10.6.7.8");
    }

    @Test
    void otherIpv4Packets() {
        assertThat(PacketDescription.describe(RECEIVED, Hex.bytes(UdpDatagramTest.UDP4)))
                .isEqualTo("Received IPv4 proto 0x11 packet from 10.0.0.1 to 10.0.0.2");
        // An echo request is protocol 1 but not a reply; C's %x prints no leading zero.
        assertThat(PacketDescription.describe(RECEIVED, Hex.bytes(IpHeaderTest.EXAMPLE_REQUEST)))
                .isEqualTo("Received IPv4 proto 0x1 packet from 10.6.7.8 to 10.6.7.7");
        byte[] tcp = Hex.bytes(IpHeaderTest.EXAMPLE_REQUEST);
        tcp[9] = 6;
        assertThat(PacketDescription.describe(RECEIVED, tcp)).isEqualTo("Received IPv4 proto 0x6 packet from 10.6.7.8 to 10.6.7.7");
        tcp[9] = (byte) 0xFE;
        assertThat(PacketDescription.describe(RECEIVED, tcp)).isEqualTo("Received IPv4 proto 0xfe packet from 10.6.7.8 to 10.6.7.7");
    }

    @Test
    void ipv4EchoReplyNeedsEightIcmpBytes() {
        byte[] reply = EchoPacketBuilder.reply().source(Hex.ip("10.6.7.7")).destination(Hex.ip("10.6.7.8")).toByteArray();
        assertThat(PacketDescription.describe(RECEIVED, ByteBuffer.wrap(reply, 0, 27)))
                .isEqualTo("Received IPv4 proto 0x1 packet from 10.6.7.7 to 10.6.7.8");
    }

    @Test
    void ipv6Packets() {
        assertThat(PacketDescription.describe(RECEIVED, Hex.bytes(IpHeaderTest.V6_REQUEST)))
                .isEqualTo("Received IPv6 proto 0x3a packet from fd00::1 to fd00::2");
        assertThat(PacketDescription.describe(RECEIVED, Hex.bytes(UdpDatagramTest.UDP6)))
                .isEqualTo("Received IPv6 proto 0x11 packet from 2001:db8::1 to 2001:db8::2");
        byte[] reply = EchoPacketBuilder.reply().source(Hex.ip("fd00::7")).destination(Hex.ip("fd00::8")).toByteArray();
        assertThat(PacketDescription.describe(RECEIVED, reply)).isEqualTo("Received IPv6 proto 0x3a packet from fd00::7 to fd00::8");
    }

    @Test
    void notIpAndTooShort() {
        assertThat(PacketDescription.describe(RECEIVED, new byte[20])).isEqualTo("Received packet that was not IP");
        byte[] seven = new byte[40];
        seven[0] = 0x70;
        assertThat(PacketDescription.describe(RECEIVED, seven)).isEqualTo("Received packet that was not IP");
        assertThat(PacketDescription.describe(RECEIVED, new byte[0])).isEqualTo(NO_ROOM);
        assertThat(PacketDescription.describe(RECEIVED, Hex.bytes("45 00 00 1c"))).isEqualTo(NO_ROOM);
        assertThat(PacketDescription.describe(RECEIVED, ByteBuffer.wrap(Hex.bytes(IpHeaderTest.V6_REQUEST), 0, 39))).isEqualTo(NO_ROOM);
    }

    @Test
    void readsAtThePositionOfAnyBufferWithoutChangingIt() {
        byte[] packet = Hex.bytes(UdpDatagramTest.UDP4);
        ByteBuffer buffer = ByteBuffer.allocateDirect(packet.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(3, packet).position(3).limit(3 + packet.length);
        assertThat(PacketDescription.describe(RECEIVED, buffer.asReadOnlyBuffer()))
                .isEqualTo("Received IPv4 proto 0x11 packet from 10.0.0.1 to 10.0.0.2");
        assertThat(buffer.position()).isEqualTo(3);
        assertThat(buffer.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void theDirectionComesFromTheCaller() {
        byte[] reply = EchoPacketBuilder.reply().source(Hex.ip("10.6.7.7")).destination(Hex.ip("10.6.7.8")).toByteArray();
        assertThat(PacketDescription.describe(PacketDescription.Direction.SENT, reply))
                .isEqualTo("Sent IPv4 ICMP echo reply from 10.6.7.7 to 10.6.7.8");
        assertThat(PacketDescription.describe(PacketDescription.Direction.SENT, new byte[0]))
                .isEqualTo("Sent packet without room for an IP header");
    }

    @Test
    void nullIsRejectedByName() {
        assertThatThrownBy(() -> PacketDescription.describe(null, new byte[0])).hasMessageContaining("direction");
        assertThatThrownBy(() -> PacketDescription.describe(RECEIVED, (ByteBuffer) null)).hasMessageContaining("packet");
        assertThatThrownBy(() -> PacketDescription.describe(RECEIVED, (byte[]) null)).hasMessageContaining("packet");
    }
}
