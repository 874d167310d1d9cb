// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static io.github.wintun4j.ip.IpHeaderTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UdpDatagramTest {

    /** 10.0.0.1:1234 -> 10.0.0.2:53, data "hi", checksums computed independently. */
    static final String UDP4 = "4500 001e 0000 0000 ff11 a7cc 0a00 0001 0a00 0002  04d2 0035 000a 7e67 6869";

    /** [2001:db8::1]:40000 -> [2001:db8::2]:7, data "hello". */
    static final String UDP6 = "6000 0000 000d 11ff 2001 0db8 0000 0000 0000 0000 0000 0001"
            + " 2001 0db8 0000 0000 0000 0000 0000 0002  9c40 0007 000d c445 6865 6c6c 6f";

    @Test
    void readsAnIpv4Datagram() {
        UdpDatagram udp = UdpDatagram.parse(Hex.buffer(UDP4)).value();
        assertThat(udp.sourcePort()).isEqualTo(1234);
        assertThat(udp.destinationPort()).isEqualTo(53);
        assertThat(udp.length()).isEqualTo(10);
        assertThat(udp.payloadLength()).isEqualTo(2);
        assertThat(udp.payloadOffset()).isEqualTo(28);
        assertThat(udp.checksum()).isEqualTo(0x7e67);
        assertThat(udp.hasChecksum()).isTrue();
        assertThat(udp.isChecksumValid()).isTrue();
        assertThat(udp.payloadBytes()).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
        assertThat(udp.ip().source()).isEqualTo(Hex.ip("10.0.0.1"));
    }

    @Test
    void readsAnIpv6Datagram() {
        UdpDatagram udp = UdpDatagram.parse(Hex.buffer(UDP6)).value();
        assertThat(udp.sourcePort()).isEqualTo(40000);
        assertThat(udp.destinationPort()).isEqualTo(7);
        assertThat(udp.isChecksumValid()).isTrue();
        assertThat(StandardCharsets.US_ASCII.decode(udp.payload()).toString()).isEqualTo("hello");
        assertThat(udp.ip().destination()).isEqualTo(Hex.ip("2001:db8::2"));
    }

    @Test
    void zeroChecksumMeansNoneOverIpv4ButIsInvalidOverIpv6() {
        byte[] v4 = Hex.bytes(UDP4);
        v4[26] = 0;
        v4[27] = 0;
        UdpDatagram udp4 = UdpDatagram.parse(ByteBuffer.wrap(v4)).value();
        assertThat(udp4.hasChecksum()).isFalse();
        assertThat(udp4.isChecksumValid()).isTrue();
        byte[] v6 = Hex.bytes(UDP6);
        v6[46] = 0;
        v6[47] = 0;
        assertThat(UdpDatagram.parse(ByteBuffer.wrap(v6)).value().isChecksumValid()).isFalse();
    }

    @Test
    void aCorruptedByteBreaksTheChecksum() {
        byte[] v4 = Hex.bytes(UDP4);
        v4[29] ^= 0x40;
        assertThat(UdpDatagram.parse(ByteBuffer.wrap(v4)).value().isChecksumValid()).isFalse();
    }

    @Test
    void udpLengthShorterThanTheIpPayloadIgnoresTheRest() {
        byte[] v4 = Hex.bytes(UDP4);
        v4[25] = 9; // UDP length 9: one data byte
        UdpDatagram udp = UdpDatagram.parse(ByteBuffer.wrap(v4)).value();
        assertThat(udp.payloadLength()).isEqualTo(1);
        assertThat(udp.isChecksumValid()).isFalse();
    }

    @Test
    void failures() {
        byte[] v4 = Hex.bytes(UDP4);
        v4[25] = 7;
        assertStatus(UdpDatagram.parse(ByteBuffer.wrap(v4)), ParseResult.Status.MALFORMED, "UDP length 7 < 8");
        v4[25] = 11;
        assertStatus(UdpDatagram.parse(ByteBuffer.wrap(v4)), ParseResult.Status.TRUNCATED, "UDP length 11 > 10");
        assertStatus(UdpDatagram.parse(Hex.buffer(IpHeaderTest.EXAMPLE_REQUEST)), ParseResult.Status.UNSUPPORTED,
                "protocol 1, not UDP");
        byte[] shortV4 = Hex.bytes(UDP4);
        shortV4[3] = 27;
        assertStatus(UdpDatagram.parse(ByteBuffer.wrap(shortV4)), ParseResult.Status.TRUNCATED, "UDP header needs 8");
        assertThatThrownBy(() -> UdpDatagram.parse(null)).hasMessageContaining("packet");
    }
}
