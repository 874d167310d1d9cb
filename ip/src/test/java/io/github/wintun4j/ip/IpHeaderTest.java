// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class IpHeaderTest {

    /** example.c's echo request from 10.6.7.8 to 10.6.7.7, checksums worked out by hand. */
    static final String EXAMPLE_REQUEST = "4500 001c 0000 0000 ff01 99c6 0a06 0708 0a06 0707  0800 f7ff 0000 0000";

    /** An ICMPv6 echo request fd00::1 -> fd00::2, id 0x1234, seq 1, data "abcd". */
    static final String V6_REQUEST = "6000 0000 000c 3aff fd00 0000 0000 0000 0000 0000 0000 0001"
            + " fd00 0000 0000 0000 0000 0000 0000 0002  8000 aeb8 1234 0001 6162 6364";

    @Test
    void readsTheExampleIpv4Header() {
        Ipv4Header ip = Ipv4Header.parse(Hex.buffer(EXAMPLE_REQUEST)).value();
        assertThat(ip.version()).isEqualTo(4);
        assertThat(ip.headerLength()).isEqualTo(20);
        assertThat(ip.totalLength()).isEqualTo(28);
        assertThat(ip.payloadLength()).isEqualTo(8);
        assertThat(ip.ttl()).isEqualTo(255);
        assertThat(ip.hopLimit()).isEqualTo(255);
        assertThat(ip.protocol()).isEqualTo(IpProtocol.ICMP);
        assertThat(ip.transportProtocol()).isEqualTo(IpProtocol.ICMP);
        assertThat(ip.transportOffset()).isEqualTo(20);
        assertThat(ip.sourceAsInt()).isEqualTo(0x0A060708);
        assertThat(ip.destinationAsInt()).isEqualTo(0x0A060707);
        assertThat(ip.source()).isEqualTo(Hex.ip("10.6.7.8"));
        assertThat(ip.destination()).isEqualTo(Hex.ip("10.6.7.7"));
        assertThat(ip.checksum()).isEqualTo(0x99c6);
        assertThat(ip.isChecksumValid()).isTrue();
        assertThat(ip.isFragment()).isFalse();
        assertThat(ip.dontFragment()).isFalse();
    }

    @Test
    void reportsABadHeaderChecksumWithoutRefusingThePacket() {
        byte[] packet = Hex.bytes(EXAMPLE_REQUEST);
        packet[11] ^= 1;
        Ipv4Header ip = Ipv4Header.parse(ByteBuffer.wrap(packet)).value();
        assertThat(ip.isChecksumValid()).isFalse();
    }

    @Test
    void readsFragmentFields() {
        byte[] packet = Hex.bytes(EXAMPLE_REQUEST);
        packet[6] = 0x20 | 0x01; // more fragments, offset 256 units
        packet[7] = 0x00;
        Ipv4Header ip = Ipv4Header.parse(ByteBuffer.wrap(packet)).value();
        assertThat(ip.moreFragments()).isTrue();
        assertThat(ip.fragmentOffset()).isEqualTo(256 * 8);
        assertThat(ip.isFragment()).isTrue();
    }

    @Test
    void readsFromThePositionAndLeavesTheBufferAlone() {
        byte[] packet = Hex.bytes(EXAMPLE_REQUEST);
        ByteBuffer buffer = ByteBuffer.allocateDirect(100).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(13);
        buffer.put(packet);
        buffer.position(13).limit(13 + packet.length + 5); // 5 bytes of trailing padding
        ParseResult<IpHeader> parsed = IpHeader.parse(buffer.asReadOnlyBuffer());
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.value().totalLength()).isEqualTo(28);
        assertThat(IpHeader.parse(buffer).value().source()).isEqualTo(Hex.ip("10.6.7.8"));
        assertThat(buffer.position()).isEqualTo(13);
        assertThat(buffer.limit()).isEqualTo(46);
        assertThat(buffer.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void ipv4WithOptions() {
        // IHL 6: four bytes of options (NOPs and an end-of-list).
        byte[] packet = Hex.bytes("4600 0020 0000 0000 4001 0000 0a00 0001 0a00 0002 0101 0100  0800 f7ff 0000 0000");
        int checksum = InternetChecksum.checksum(packet, 0, 24);
        packet[10] = (byte) (checksum >>> 8);
        packet[11] = (byte) checksum;
        Ipv4Header ip = Ipv4Header.parse(ByteBuffer.wrap(packet)).value();
        assertThat(ip.headerLength()).isEqualTo(24);
        assertThat(ip.transportOffset()).isEqualTo(24);
        assertThat(ip.isChecksumValid()).isTrue();
        assertThat(IcmpEcho.parse(ByteBuffer.wrap(packet)).value().isChecksumValid()).isTrue();
    }

    @Test
    void ipv4Failures() {
        assertStatus(Ipv4Header.parse(ByteBuffer.allocate(0)), ParseResult.Status.TRUNCATED, "empty");
        assertStatus(Ipv4Header.parse(Hex.buffer("45")), ParseResult.Status.TRUNCATED, "needs 20 bytes, 1 available");
        assertStatus(Ipv4Header.parse(Hex.buffer(V6_REQUEST)), ParseResult.Status.UNSUPPORTED, "IPv6");
        assertStatus(Ipv4Header.parse(Hex.buffer("50" + "00".repeat(30))), ParseResult.Status.MALFORMED, "version nibble 5");

        byte[] packet = Hex.bytes(EXAMPLE_REQUEST);
        packet[0] = 0x44;
        assertStatus(Ipv4Header.parse(ByteBuffer.wrap(packet)), ParseResult.Status.MALFORMED, "header length 16 < 20");
        packet[0] = 0x4F;
        assertStatus(Ipv4Header.parse(ByteBuffer.wrap(packet)), ParseResult.Status.TRUNCATED, "header length 60 > 28");
        packet[0] = 0x45;
        packet[3] = 19;
        assertStatus(Ipv4Header.parse(ByteBuffer.wrap(packet)), ParseResult.Status.MALFORMED, "total length 19 < header length 20");
        packet[2] = (byte) 0xFF;
        packet[3] = (byte) 0xFF;
        assertStatus(Ipv4Header.parse(ByteBuffer.wrap(packet)), ParseResult.Status.TRUNCATED, "total length 65535 > 28");
        assertStatus(Ipv4Header.parse(ByteBuffer.wrap(Hex.bytes(EXAMPLE_REQUEST), 0, 27)), ParseResult.Status.TRUNCATED,
                "total length 28 > 27");
    }

    @Test
    void readsTheIpv6Header() {
        Ipv6Header ip = Ipv6Header.parse(Hex.buffer(V6_REQUEST)).value();
        assertThat(ip.version()).isEqualTo(6);
        assertThat(ip.headerLength()).isEqualTo(40);
        assertThat(ip.payloadLength()).isEqualTo(12);
        assertThat(ip.totalLength()).isEqualTo(52);
        assertThat(ip.nextHeader()).isEqualTo(IpProtocol.ICMPV6);
        assertThat(ip.hopLimit()).isEqualTo(255);
        assertThat(ip.trafficClass()).isZero();
        assertThat(ip.flowLabel()).isZero();
        assertThat(ip.source()).isEqualTo(Hex.ip("fd00::1"));
        assertThat(ip.destination()).isEqualTo(Hex.ip("fd00::2"));
        assertThat(ip.sourceBytes()).isEqualTo(Hex.bytes("fd000000000000000000000000000001"));
        assertThat(ip.transportOffset()).isEqualTo(40);
        assertThat(ip.isFragment()).isFalse();
    }

    @Test
    void ipv6TrafficClassAndFlowLabel() {
        byte[] packet = Hex.bytes(V6_REQUEST);
        packet[0] = 0x6A;
        packet[1] = (byte) 0xBC;
        packet[2] = (byte) 0xDE;
        packet[3] = (byte) 0xF1;
        Ipv6Header ip = Ipv6Header.parse(ByteBuffer.wrap(packet)).value();
        assertThat(ip.trafficClass()).isEqualTo(0xAB);
        assertThat(ip.flowLabel()).isEqualTo(0xCDEF1);
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() {
        // Hop-by-hop (8 bytes, next: destination options) then destination options (16 bytes, next: UDP).
        String header = "6000 0000 0028 00ff" + " 0000".repeat(8) + " 0000".repeat(7) + " 0001";
        String hopByHop = "3c00 0000 0000 0000";
        String destOptions = "1101 0000 0000 0000 0000 0000 0000 0000";
        String udp = "1234 0007 0010 0000 6162 6364 6566 6768";
        Ipv6Header ip = Ipv6Header.parse(Hex.buffer(header + hopByHop + destOptions + udp)).value();
        assertThat(ip.nextHeader()).isEqualTo(IpProtocol.HOP_BY_HOP);
        assertThat(ip.transportProtocol()).isEqualTo(IpProtocol.UDP);
        assertThat(ip.transportOffset()).isEqualTo(64);
        assertThat(ip.transportLength()).isEqualTo(16);
        assertThat(UdpDatagram.parse(Hex.buffer(header + hopByHop + destOptions + udp)).value().destinationPort())
                .isEqualTo(7);

        String brokenDestOptions = "1109 0000 0000 0000 0000 0000 0000 0000"; // claims 80 bytes
        assertStatus(Ipv6Header.parse(Hex.buffer(header + hopByHop + brokenDestOptions + udp)),
                ParseResult.Status.MALFORMED, "runs past the payload");
    }

    @Test
    void ipv6FragmentHeaderMarksAFragment() {
        String header = "6000 0000 0010 2cff" + " 0000".repeat(16);
        String fragment = "1100 0001 0000 0001";
        Ipv6Header ip = Ipv6Header.parse(Hex.buffer(header + fragment + "1234 0007 0008 0000")).value();
        assertThat(ip.isFragment()).isTrue();
        assertThat(ip.transportProtocol()).isEqualTo(IpProtocol.FRAGMENT);
        assertStatus(UdpDatagram.parse(Hex.buffer(header + fragment + "1234 0007 0008 0000")),
                ParseResult.Status.UNSUPPORTED, "fragment");
    }

    @Test
    void ipv6Failures() {
        assertStatus(Ipv6Header.parse(Hex.buffer("60")), ParseResult.Status.TRUNCATED, "needs 40 bytes, 1 available");
        assertStatus(Ipv6Header.parse(Hex.buffer(IpHeaderTest.EXAMPLE_REQUEST)), ParseResult.Status.UNSUPPORTED, "IPv4");
        assertStatus(Ipv6Header.parse(ByteBuffer.wrap(Hex.bytes(V6_REQUEST), 0, 51)), ParseResult.Status.TRUNCATED,
                "payload length 12 > 11");
    }

    @Test
    void genericParseDispatchesOnTheVersion() {
        assertThat(IpHeader.parse(Hex.buffer(EXAMPLE_REQUEST)).value()).isInstanceOf(Ipv4Header.class);
        assertThat(IpHeader.parse(Hex.buffer(V6_REQUEST)).value()).isInstanceOf(Ipv6Header.class);
        assertStatus(IpHeader.parse(ByteBuffer.allocate(0)), ParseResult.Status.TRUNCATED, "empty");
        assertStatus(IpHeader.parse(Hex.buffer("00")), ParseResult.Status.MALFORMED, "version nibble 0");
        assertThat(IpHeader.version(Hex.buffer("6f"))).isEqualTo(6);
        assertThat(IpHeader.version(ByteBuffer.allocate(0))).isEqualTo(-1);
    }

    @Test
    void nullIsRejectedByName() {
        assertThatThrownBy(() -> IpHeader.parse(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("packet");
        assertThatThrownBy(() -> Ipv4Header.parse(null)).hasMessageContaining("packet");
        assertThatThrownBy(() -> Ipv6Header.parse(null)).hasMessageContaining("packet");
        assertThatThrownBy(() -> IpHeader.version(null)).hasMessageContaining("packet");
    }

    static void assertStatus(ParseResult<?> result, ParseResult.Status status, String reasonPart) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.reason()).contains(reasonPart);
        assertThat(result.isValid()).isFalse();
        assertThat(result.toOptional()).isEmpty();
        assertThatThrownBy(result::value).isInstanceOf(IllegalStateException.class).hasMessageContaining(reasonPart);
    }
}
