// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static io.github.wintun4j.ip.PacketDescription.Direction.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EchoResponderTest {

    @Test
    void answersTheExampleProgramsRequestLikeWindowsDoes() {
        byte[] reply = EchoResponder.icmpReply(Hex.buffer(IpHeaderTest.EXAMPLE_REQUEST)).orElseThrow();
        // 10.6.7.7 -> 10.6.7.8, TTL 64, type 0; both checksums worked out by hand.
        assertThat(Hex.hex(reply)).isEqualTo(Hex.hex(Hex.bytes(
                "4500 001c 0000 0000 4001 58c7 0a06 0707 0a06 0708  0000 ffff 0000 0000")));
        assertThat(PacketDescription.describe(RECEIVED, reply)).isEqualTo("Received IPv4 ICMP echo reply from 10.6.7.7 to 10.6.7.8");
    }

    @Test
    void answersIpv4AndIpv6Requests() {
        for (String[] pair : new String[][] {{"10.1.2.3", "10.9.8.7"}, {"fd00::1", "2001:db8::99"}}) {
            byte[] request = EchoPacketBuilder.request().source(Hex.ip(pair[0])).destination(Hex.ip(pair[1]))
                    .identifier(4321).sequence(77).hopLimit(3).payload(new byte[] {5, 6, 7, 8, 9}).toByteArray();
            byte[] reply = EchoResponder.icmpReply(ByteBuffer.wrap(request)).orElseThrow();
            IcmpEcho echo = IcmpEcho.parse(ByteBuffer.wrap(reply)).value();
            assertThat(echo.isReply()).isTrue();
            assertThat(echo.type()).isEqualTo(echo.ip().version() == 4 ? 0 : 129);
            assertThat(echo.isChecksumValid()).isTrue();
            assertThat(echo.identifier()).isEqualTo(4321);
            assertThat(echo.sequence()).isEqualTo(77);
            assertThat(echo.payloadBytes()).containsExactly(5, 6, 7, 8, 9);
            assertThat(echo.ip().source()).isEqualTo(Hex.ip(pair[1]));
            assertThat(echo.ip().destination()).isEqualTo(Hex.ip(pair[0]));
            assertThat(echo.ip().hopLimit()).isEqualTo(EchoResponder.REPLY_HOP_LIMIT);
            if (echo.ip() instanceof Ipv4Header) {
                assertThat(((Ipv4Header) echo.ip()).isChecksumValid()).isTrue();
            }
        }
    }

    @Test
    void echoesUdpDatagrams() {
        for (String[] pair : new String[][] {{"10.1.2.3", "10.9.8.7"}, {"fd00::1", "fd00::2"}}) {
            byte[] request = UdpPacketBuilder.datagram().source(Hex.ip(pair[0]), 40001).destination(Hex.ip(pair[1]), 7)
                    .payload(new byte[] {'p', 'i', 'n', 'g'}).toByteArray();
            byte[] reply = EchoResponder.udpReply(ByteBuffer.wrap(request)).orElseThrow();
            UdpDatagram udp = UdpDatagram.parse(ByteBuffer.wrap(reply)).value();
            assertThat(udp.sourcePort()).isEqualTo(7);
            assertThat(udp.destinationPort()).isEqualTo(40001);
            assertThat(udp.ip().source()).isEqualTo(Hex.ip(pair[1]));
            assertThat(udp.ip().destination()).isEqualTo(Hex.ip(pair[0]));
            assertThat(udp.isChecksumValid()).isTrue();
            assertThat(udp.hasChecksum()).isTrue();
            assertThat(udp.payloadBytes()).containsExactly('p', 'i', 'n', 'g');
        }
    }

    @Test
    void echoesIpv4UdpWithoutChecksum() {
        byte[] request = Hex.bytes(UdpDatagramTest.UDP4);
        request[26] = 0;
        request[27] = 0;
        assertThat(EchoResponder.udpReply(ByteBuffer.wrap(request))).isPresent();
    }

    @Test
    void writesTheReplyOverTheRequestItself() {
        byte[] request = EchoPacketBuilder.request().source(Hex.ip("10.0.0.1")).destination(Hex.ip("10.0.0.2"))
                .identifier(1).sequence(2).payload(new byte[] {1, 2, 3}).toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(request);
        OptionalInt written = EchoResponder.writeIcmpReply(buffer, buffer);
        assertThat(written).hasValue(request.length);
        IcmpEcho echo = IcmpEcho.parse(buffer).value();
        assertThat(echo.isReply()).isTrue();
        assertThat(echo.isChecksumValid()).isTrue();
        assertThat(echo.ip().source()).isEqualTo(Hex.ip("10.0.0.2"));
        assertThat(echo.payloadBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void writesIntoATargetAndChecksItsRoom() {
        ByteBuffer target = ByteBuffer.allocate(100).position(50);
        assertThat(EchoResponder.writeUdpReply(Hex.buffer(UdpDatagramTest.UDP4), target)).hasValue(30);
        assertThat(target.position()).isEqualTo(50);
        assertThat(UdpDatagram.parse(target.duplicate().limit(80)).value().destinationPort()).isEqualTo(1234);
        assertThatThrownBy(() -> EchoResponder.writeUdpReply(Hex.buffer(UdpDatagramTest.UDP4), ByteBuffer.allocate(29)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 30");
        // Nothing to answer: the tiny target is never looked at.
        assertThat(EchoResponder.writeIcmpReply(Hex.buffer(UdpDatagramTest.UDP4), ByteBuffer.allocate(0))).isEmpty();
    }

    @Test
    void ignoresWhatAHostWouldNotAnswer() {
        ByteBuffer reply = ByteBuffer.wrap(EchoPacketBuilder.reply().source(Hex.ip("10.0.0.1"))
                .destination(Hex.ip("10.0.0.2")).toByteArray());
        assertThat(EchoResponder.icmpReply(reply)).isEmpty();
        assertThat(EchoResponder.icmpReply(Hex.buffer(UdpDatagramTest.UDP4))).isEmpty();
        assertThat(EchoResponder.udpReply(Hex.buffer(IpHeaderTest.EXAMPLE_REQUEST))).isEmpty();

        byte[] badIcmpChecksum = Hex.bytes(IpHeaderTest.EXAMPLE_REQUEST);
        badIcmpChecksum[22] ^= 1;
        assertThat(EchoResponder.icmpReply(ByteBuffer.wrap(badIcmpChecksum))).isEmpty();
        byte[] badHeaderChecksum = Hex.bytes(IpHeaderTest.EXAMPLE_REQUEST);
        badHeaderChecksum[10] ^= 1;
        assertThat(EchoResponder.icmpReply(ByteBuffer.wrap(badHeaderChecksum))).isEmpty();
        byte[] badUdpChecksum = Hex.bytes(UdpDatagramTest.UDP6);
        badUdpChecksum[47] ^= 1;
        assertThat(EchoResponder.udpReply(ByteBuffer.wrap(badUdpChecksum))).isEmpty();

        for (String[] pair : new String[][] {{"0.0.0.0", "10.0.0.1"}, {"10.0.0.1", "224.0.0.1"},
                {"10.0.0.1", "255.255.255.255"}, {"::", "fd00::1"}, {"fd00::1", "ff02::1"}}) {
            byte[] request = EchoPacketBuilder.request().source(Hex.ip(pair[0])).destination(Hex.ip(pair[1])).toByteArray();
            assertThat(EchoResponder.icmpReply(ByteBuffer.wrap(request))).as(pair[0] + " -> " + pair[1]).isEmpty();
        }
        byte[] fromPortZero = UdpPacketBuilder.datagram().source(Hex.ip("10.0.0.1"), 0).destination(Hex.ip("10.0.0.2"), 7)
                .toByteArray();
        assertThat(EchoResponder.udpReply(ByteBuffer.wrap(fromPortZero))).isEmpty();
        assertThat(EchoResponder.icmpReply(ByteBuffer.allocate(0))).isEmpty();
        assertThat(EchoResponder.udpReply(Hex.buffer("ffff"))).isEmpty();
    }

    @Test
    void nullIsRejectedByName() {
        assertThatThrownBy(() -> EchoResponder.icmpReply(null)).hasMessageContaining("request");
        assertThatThrownBy(() -> EchoResponder.udpReply(null)).hasMessageContaining("datagram");
        assertThatThrownBy(() -> EchoResponder.writeIcmpReply(ByteBuffer.allocate(1), null)).hasMessageContaining("target");
        assertThatThrownBy(() -> EchoResponder.writeUdpReply(null, ByteBuffer.allocate(1))).hasMessageContaining("datagram");
    }

    /**
     * An IPv6 packet's payload length does not count its 40-byte header, so a valid request can be
     * up to 65575 bytes long; an answer of over 65535 bytes (Wintun's largest packet, and the
     * builders' limit) cannot be made, so it gets none instead of an exception.
     */
    @Test
    void anIpv6RequestWhoseAnswerWouldExceed65535BytesGetsNone() throws Exception {
        for (int transportLength : new int[] {65495, 65496, 65535}) {
            ByteBuffer icmp = ipv6(58, transportLength, 128);
            assertThat(IcmpEcho.parse(icmp.duplicate()).value().isChecksumValid()).isTrue();
            boolean fits = transportLength <= 65495;
            assertThat(EchoResponder.icmpReply(icmp.duplicate()).isPresent()).as("ICMPv6, %d", transportLength).isEqualTo(fits);
            assertThat(EchoResponder.writeIcmpReply(icmp.duplicate(), ByteBuffer.allocate(70_000)).isPresent()).isEqualTo(fits);

            ByteBuffer udp = ipv6(17, transportLength, 0);
            assertThat(UdpDatagram.parse(udp.duplicate()).value().isChecksumValid()).isTrue();
            assertThat(EchoResponder.udpReply(udp.duplicate()).isPresent()).as("UDP, %d", transportLength).isEqualTo(fits);
            assertThat(EchoResponder.writeUdpReply(udp.duplicate(), ByteBuffer.allocate(70_000)).isPresent()).isEqualTo(fits);
        }
    }

    /** fd00::1 -> fd00::2, next header {@code protocol}: an ICMPv6 echo request or a UDP datagram of {@code transportLength} bytes. */
    private static ByteBuffer ipv6(int protocol, int transportLength, int icmpType) throws Exception {
        java.net.Inet6Address source = (java.net.Inet6Address) java.net.InetAddress.getByName("fd00::1");
        java.net.Inet6Address destination = (java.net.Inet6Address) java.net.InetAddress.getByName("fd00::2");
        ByteBuffer packet = ByteBuffer.allocate(Ipv6Header.LENGTH + transportLength);
        packet.put(0, (byte) 0x60).putShort(4, (short) transportLength).put(6, (byte) protocol).put(7, (byte) 64);
        packet.put(8, source.getAddress()).put(24, destination.getAddress());
        int transport = Ipv6Header.LENGTH;
        int checksumOffset;
        if (protocol == 17) {
            packet.putShort(transport, (short) 40001).putShort(transport + 2, (short) 7)
                    .putShort(transport + 4, (short) transportLength);
            checksumOffset = transport + 6;
        } else {
            packet.put(transport, (byte) icmpType).putShort(transport + 4, (short) 99).putShort(transport + 6, (short) 1);
            checksumOffset = transport + 2;
        }
        for (int i = transport + 8; i < packet.capacity(); i++) {
            packet.put(i, (byte) i);
        }
        int sum = InternetChecksum.ipv6PseudoHeaderSum(source, destination, protocol, transportLength);
        int checksum = InternetChecksum.checksum(packet, transport, transportLength, sum);
        packet.putShort(checksumOffset, (short) (checksum == 0 && protocol == 17 ? 0xFFFF : checksum));
        return packet;
    }
}
