// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UdpPacketBuilderTest {

    @Test
    void buildsExactlyKnownDatagrams() {
        byte[] v4 = UdpPacketBuilder.datagram().source(Hex.ip("10.0.0.1"), 1234).destination(Hex.ip("10.0.0.2"), 53)
                .payload("hi".getBytes(StandardCharsets.US_ASCII)).toByteArray();
        assertThat(Hex.hex(v4)).isEqualTo(Hex.hex(Hex.bytes(UdpDatagramTest.UDP4)));
        byte[] v6 = UdpPacketBuilder.datagram().source(Hex.ip("2001:db8::1"), 40000).destination(Hex.ip("2001:db8::2"), 7)
                .payload("hello".getBytes(StandardCharsets.US_ASCII)).toByteArray();
        assertThat(Hex.hex(v6)).isEqualTo(Hex.hex(Hex.bytes(UdpDatagramTest.UDP6)));
    }

    @Test
    void roundTripsOverBothVersions() {
        for (String[] pair : new String[][] {{"172.16.0.1", "172.16.0.2"}, {"fd00::a", "fd00::b"}}) {
            for (int size : new int[] {0, 1, 2, 3, 1472}) {
                byte[] data = new byte[size];
                for (int i = 0; i < size; i++) {
                    data[i] = (byte) (i * 13);
                }
                byte[] packet = UdpPacketBuilder.datagram().source(Hex.ip(pair[0]), 5000).destination(Hex.ip(pair[1]), 65535)
                        .hopLimit(1).payload(data).toByteArray();
                UdpDatagram udp = UdpDatagram.parse(ByteBuffer.wrap(packet)).value();
                assertThat(udp.sourcePort()).isEqualTo(5000);
                assertThat(udp.destinationPort()).isEqualTo(65535);
                assertThat(udp.length()).isEqualTo(8 + size);
                assertThat(udp.hasChecksum()).isTrue();
                assertThat(udp.isChecksumValid()).isTrue();
                assertThat(udp.payloadBytes()).isEqualTo(data);
                assertThat(udp.ip().hopLimit()).isEqualTo(1);
                assertThat(udp.ip().source()).isEqualTo(Hex.ip(pair[0]));
                assertThat(udp.ip().destination()).isEqualTo(Hex.ip(pair[1]));
                assertThat(udp.ip().totalLength()).isEqualTo(packet.length);
                if (udp.ip() instanceof Ipv4Header) {
                    assertThat(((Ipv4Header) udp.ip()).isChecksumValid()).isTrue();
                }
            }
        }
    }

    @Test
    void aComputedZeroChecksumIsSentAsAllOnes() {
        // Search for data whose checksum comes out as zero; the builder must send 0xFFFF instead.
        for (int value = 0; value <= 0xFFFF; value++) {
            byte[] packet = UdpPacketBuilder.datagram().source(Hex.ip("10.0.0.1"), 1).destination(Hex.ip("10.0.0.2"), 2)
                    .payload(new byte[] {(byte) (value >>> 8), (byte) value}).toByteArray();
            UdpDatagram udp = UdpDatagram.parse(ByteBuffer.wrap(packet)).value();
            assertThat(udp.checksum()).isNotZero();
            assertThat(udp.isChecksumValid()).isTrue();
            if (udp.checksum() == 0xFFFF) {
                return;
            }
        }
        throw new AssertionError("no data with a zero checksum found");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> UdpPacketBuilder.datagram().source(Hex.ip("10.0.0.1"), 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> UdpPacketBuilder.datagram().destination(null, 1)).hasMessageContaining("address");
        assertThatThrownBy(() -> UdpPacketBuilder.datagram().source(Hex.ip("::1"), 1).destination(Hex.ip("10.0.0.1"), 1)
                .toByteArray()).isInstanceOf(IllegalStateException.class).hasMessageContaining("same IP version");
        UdpPacketBuilder builder = UdpPacketBuilder.datagram().source(Hex.ip("10.0.0.1"), 1).destination(Hex.ip("10.0.0.2"), 2);
        assertThatThrownBy(() -> builder.writeTo(ByteBuffer.allocate(100).position(80)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 bytes remaining, the packet needs 28");
    }
}
