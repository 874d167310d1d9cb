// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static io.github.wintun4j.ip.IpHeaderTest.EXAMPLE_REQUEST;
import static io.github.wintun4j.ip.IpHeaderTest.V6_REQUEST;
import static io.github.wintun4j.ip.IpHeaderTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class IcmpEchoTest {

    @Test
    void readsTheExampleRequest() {
        IcmpEcho echo = IcmpEcho.parse(Hex.buffer(EXAMPLE_REQUEST)).value();
        assertThat(echo.type()).isEqualTo(IcmpEcho.ECHO_REQUEST);
        assertThat(echo.code()).isZero();
        assertThat(echo.isRequest()).isTrue();
        assertThat(echo.isReply()).isFalse();
        assertThat(echo.identifier()).isZero();
        assertThat(echo.sequence()).isZero();
        assertThat(echo.checksum()).isEqualTo(0xf7ff);
        assertThat(echo.isChecksumValid()).isTrue();
        assertThat(echo.payloadLength()).isZero();
        assertThat(echo.payloadOffset()).isEqualTo(28);
        assertThat(echo.ip().source()).isEqualTo(Hex.ip("10.6.7.8"));
    }

    @Test
    void readsAnIcmpv6Request() {
        IcmpEcho echo = IcmpEcho.parse(Hex.buffer(V6_REQUEST)).value();
        assertThat(echo.type()).isEqualTo(IcmpEcho.ECHO_REQUEST_V6);
        assertThat(echo.isRequest()).isTrue();
        assertThat(echo.identifier()).isEqualTo(0x1234);
        assertThat(echo.sequence()).isEqualTo(1);
        assertThat(echo.isChecksumValid()).isTrue();
        assertThat(echo.payloadBytes()).isEqualTo("abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(echo.payloadOffset()).isEqualTo(48);
        ByteBuffer payload = echo.payload();
        assertThat(payload.remaining()).isEqualTo(4);
        assertThat(payload.get(0)).isEqualTo((byte) 'a');
        assertThatThrownBy(() -> payload.put(0, (byte) 0)).isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void icmpv6ChecksumCoversThePseudoHeader() {
        byte[] packet = Hex.bytes(V6_REQUEST);
        packet[23] = 3; // source fd00::3: only the pseudo-header changes
        assertThat(IcmpEcho.parse(ByteBuffer.wrap(packet)).value().isChecksumValid()).isFalse();
    }

    @Test
    void readsAReplyAtAnOffsetInABiggerBuffer() {
        byte[] reply = EchoPacketBuilder.reply().source(Hex.ip("10.6.7.7")).destination(Hex.ip("10.6.7.8"))
                .identifier(7).sequence(9).payload(new byte[] {1, 2, 3}).toByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(reply.length + 10);
        buffer.put(4, reply).position(4).limit(4 + reply.length);
        IcmpEcho echo = IcmpEcho.parse(buffer).value();
        assertThat(echo.isReply()).isTrue();
        assertThat(echo.identifier()).isEqualTo(7);
        assertThat(echo.sequence()).isEqualTo(9);
        assertThat(echo.payloadBytes()).containsExactly(1, 2, 3);
        assertThat(buffer.position()).isEqualTo(4);
    }

    @Test
    void failures() {
        assertStatus(IcmpEcho.parse(Hex.buffer("4500 001e 0000 0000 ff11 0000 0a00 0001 0a00 0002 04d2 0035 000a 0000 6869")),
                ParseResult.Status.UNSUPPORTED, "not ICMP echo");
        byte[] unreachable = Hex.bytes(EXAMPLE_REQUEST);
        unreachable[20] = 3;
        assertStatus(IcmpEcho.parse(ByteBuffer.wrap(unreachable)), ParseResult.Status.UNSUPPORTED, "ICMP type 3");
        byte[] shortIcmp = Hex.bytes(EXAMPLE_REQUEST);
        shortIcmp[3] = 27;
        assertStatus(IcmpEcho.parse(ByteBuffer.wrap(shortIcmp)), ParseResult.Status.TRUNCATED, "needs 8 bytes, 7");
        byte[] icmpOverV6 = Hex.bytes(V6_REQUEST);
        icmpOverV6[6] = 1;
        assertStatus(IcmpEcho.parse(ByteBuffer.wrap(icmpOverV6)), ParseResult.Status.UNSUPPORTED, "protocol 1");
        byte[] fragment = Hex.bytes(EXAMPLE_REQUEST);
        fragment[6] = 0x20;
        assertStatus(IcmpEcho.parse(ByteBuffer.wrap(fragment)), ParseResult.Status.UNSUPPORTED, "fragment");
        assertStatus(IcmpEcho.parse(Hex.buffer("4500")), ParseResult.Status.TRUNCATED, "IPv4 header needs");
        assertThatThrownBy(() -> IcmpEcho.parse(null)).hasMessageContaining("packet");
    }
}
