// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class EchoPacketBuilderTest {

    @Test
    void buildsExactlyTheExampleProgramsRequest() {
        byte[] packet = EchoPacketBuilder.request().source(Hex.ip("10.6.7.8")).destination(Hex.ip("10.6.7.7"))
                .toByteArray();
        assertThat(Hex.hex(packet)).isEqualTo(Hex.hex(Hex.bytes(IpHeaderTest.EXAMPLE_REQUEST)));
    }

    @Test
    void buildsExactlyAKnownIcmpv6Request() {
        byte[] packet = EchoPacketBuilder.request().source(Hex.ip("fd00::1")).destination(Hex.ip("fd00::2"))
                .identifier(0x1234).sequence(1).payload(new byte[] {'a', 'b', 'c', 'd'}).toByteArray();
        assertThat(Hex.hex(packet)).isEqualTo(Hex.hex(Hex.bytes(IpHeaderTest.V6_REQUEST)));
    }

    @Test
    void ipv4RoundTrip() {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        for (boolean request : new boolean[] {true, false}) {
            EchoPacketBuilder builder = request ? EchoPacketBuilder.request() : EchoPacketBuilder.reply();
            byte[] packet = builder.source(Hex.ip("192.168.1.2")).destination(Hex.ip("8.8.8.8"))
                    .identifier(0xBEEF).sequence(0xFFFF).hopLimit(64).payload(data).toByteArray();
            assertThat(packet).hasSize(20 + 8 + 1000);
            IcmpEcho echo = IcmpEcho.parse(ByteBuffer.wrap(packet)).value();
            Ipv4Header ip = (Ipv4Header) echo.ip();
            assertThat(packet[0]).isEqualTo((byte) 0x45);
            assertThat(ip.isChecksumValid()).isTrue();
            assertThat(ip.ttl()).isEqualTo(64);
            assertThat(ip.protocol()).isEqualTo(1);
            assertThat(ip.totalLength()).isEqualTo(packet.length);
            assertThat(ip.source()).isEqualTo(Hex.ip("192.168.1.2"));
            assertThat(ip.destination()).isEqualTo(Hex.ip("8.8.8.8"));
            assertThat(echo.type()).isEqualTo(request ? 8 : 0);
            assertThat(echo.code()).isZero();
            assertThat(echo.isRequest()).isEqualTo(request);
            assertThat(echo.isChecksumValid()).isTrue();
            assertThat(echo.identifier()).isEqualTo(0xBEEF);
            assertThat(echo.sequence()).isEqualTo(0xFFFF);
            assertThat(echo.payloadBytes()).isEqualTo(data);
        }
    }

    @Test
    void ipv6RoundTrip() {
        for (boolean request : new boolean[] {true, false}) {
            EchoPacketBuilder builder = request ? EchoPacketBuilder.request() : EchoPacketBuilder.reply();
            byte[] packet = builder.source(Hex.ip("2001:db8::7")).destination(Hex.ip("fe80::1"))
                    .identifier(1).sequence(2).payload(new byte[] {9, 8, 7}).toByteArray();
            IcmpEcho echo = IcmpEcho.parse(ByteBuffer.wrap(packet)).value();
            Ipv6Header ip = (Ipv6Header) echo.ip();
            assertThat(ip.nextHeader()).isEqualTo(58);
            assertThat(ip.hopLimit()).isEqualTo(255);
            assertThat(ip.payloadLength()).isEqualTo(11);
            assertThat(ip.source()).isEqualTo(Hex.ip("2001:db8::7"));
            assertThat(echo.type()).isEqualTo(request ? 128 : 129);
            assertThat(echo.isChecksumValid()).isTrue();
            assertThat(echo.identifier()).isEqualTo(1);
            assertThat(echo.sequence()).isEqualTo(2);
            assertThat(echo.payloadBytes()).containsExactly(9, 8, 7);
        }
    }

    @Test
    void writesAtThePositionWithoutMovingIt() {
        EchoPacketBuilder builder = EchoPacketBuilder.request().source(Hex.ip("10.6.7.8")).destination(Hex.ip("10.6.7.7"))
                .payload(ByteBuffer.wrap(new byte[] {0, 1, 2, 3}).position(2));
        ByteBuffer target = ByteBuffer.allocateDirect(64).order(ByteOrder.LITTLE_ENDIAN);
        target.position(10).limit(40);
        int written = builder.writeTo(target);
        assertThat(written).isEqualTo(30).isEqualTo(builder.length());
        assertThat(target.position()).isEqualTo(10);
        assertThat(target.limit()).isEqualTo(40);
        assertThat(target.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        IcmpEcho echo = IcmpEcho.parse(target.duplicate().limit(10 + written)).value();
        assertThat(echo.payloadBytes()).containsExactly(2, 3);
        assertThat(echo.isChecksumValid()).isTrue();
    }

    @Test
    void refusesATargetThatIsTooSmallBeforeWritingAnything() {
        EchoPacketBuilder builder = EchoPacketBuilder.request().source(Hex.ip("10.6.7.8")).destination(Hex.ip("10.6.7.7"));
        ByteBuffer target = ByteBuffer.allocate(27);
        assertThatThrownBy(() -> builder.writeTo(target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("27 bytes remaining, the packet needs 28");
        assertThat(target.array()).containsOnly(0);
        assertThatThrownBy(() -> builder.writeTo(ByteBuffer.allocate(28).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> EchoPacketBuilder.request().toByteArray()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source address not set");
        assertThatThrownBy(() -> EchoPacketBuilder.request().source(Hex.ip("10.0.0.1")).length())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("destination address not set");
        assertThatThrownBy(() -> EchoPacketBuilder.request().source(Hex.ip("10.0.0.1")).destination(Hex.ip("::1"))
                .toByteArray()).isInstanceOf(IllegalStateException.class).hasMessageContaining("same IP version");
        assertThatThrownBy(() -> EchoPacketBuilder.request().identifier(0x10000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identifier");
        assertThatThrownBy(() -> EchoPacketBuilder.request().sequence(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> EchoPacketBuilder.request().hopLimit(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hopLimit");
        assertThatThrownBy(() -> EchoPacketBuilder.request().source(null)).hasMessageContaining("address");
        assertThatThrownBy(() -> EchoPacketBuilder.request().payload((byte[]) null)).hasMessageContaining("data");
        assertThatThrownBy(() -> EchoPacketBuilder.request().writeTo(null)).hasMessageContaining("target");
        EchoPacketBuilder huge = EchoPacketBuilder.request().source(Hex.ip("10.0.0.1")).destination(Hex.ip("10.0.0.2"))
                .payload(new byte[65535 - 28 + 1]);
        assertThatThrownBy(huge::toByteArray).isInstanceOf(IllegalStateException.class).hasMessageContaining("65536");
        assertThat(huge.payload(new byte[65535 - 28]).toByteArray()).hasSize(65535);
    }
}
