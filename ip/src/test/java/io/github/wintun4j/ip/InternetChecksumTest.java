// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: the sum of 0001 f203 f4f5 f6f7 is ddf2, so the checksum is 220d.
        byte[] data = Hex.bytes("0001 f203 f4f5 f6f7");
        assertThat(InternetChecksum.checksum(data)).isEqualTo(0x220d);
        assertThat(InternetChecksum.sum(ByteBuffer.wrap(data), 0, data.length, 0)).isEqualTo(0xddf2);
    }

    @Test
    void oddTrailingByteIsTheHighByte() {
        assertThat(InternetChecksum.checksum(Hex.bytes("01"))).isEqualTo(~0x0100 & 0xFFFF);
        assertThat(InternetChecksum.checksum(Hex.bytes("0001 f2"))).isEqualTo(~(0x0001 + 0xf200) & 0xFFFF);
    }

    @Test
    void emptyAndZeroDataGiveAllOnes() {
        assertThat(InternetChecksum.checksum(new byte[0])).isEqualTo(0xFFFF);
        assertThat(InternetChecksum.checksum(new byte[6])).isEqualTo(0xFFFF);
    }

    @Test
    void knownIpv4HeaderChecksumAndVerification() {
        // The 20-byte header of example.c's echo request, checksum 99c6 worked out by hand.
        byte[] header = Hex.bytes("4500 001c 0000 0000 ff01 0000 0a06 0708 0a06 0707");
        assertThat(InternetChecksum.checksum(header)).isEqualTo(0x99c6);
        header[10] = (byte) 0x99;
        header[11] = (byte) 0xc6;
        assertThat(InternetChecksum.checksum(header)).isZero();
    }

    @Test
    void sameResultForArraysHeapDirectAndOffsetBuffers() {
        byte[] data = new byte[1001];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        int expected = InternetChecksum.checksum(data, 3, 997);
        ByteBuffer heap = ByteBuffer.wrap(data);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).order(ByteOrder.LITTLE_ENDIAN);
        direct.put(data).flip();
        ByteBuffer sliced = ByteBuffer.wrap(data, 2, 999).slice(); // arrayOffset 2
        assertThat(InternetChecksum.checksum(heap, 3, 997)).isEqualTo(expected);
        assertThat(InternetChecksum.checksum(direct, 3, 997)).isEqualTo(expected);
        assertThat(InternetChecksum.checksum(sliced, 1, 997)).isEqualTo(expected);
        assertThat(InternetChecksum.checksum(heap.asReadOnlyBuffer(), 3, 997)).isEqualTo(expected);
        assertThat(direct.position()).isZero();
        assertThat(direct.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void matchesAPlainSixteenBitSumForEveryLengthAndOffset() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1071);
        byte[] data = new byte[300];
        random.nextBytes(data);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).clear();
        for (int offset = 0; offset < 5; offset++) {
            for (int length = 0; length + offset <= data.length; length++) {
                int expected = reference(data, offset, length);
                assertThat(InternetChecksum.checksum(data, offset, length)).isEqualTo(expected);
                assertThat(InternetChecksum.checksum(direct, offset, length)).isEqualTo(expected);
            }
        }
    }

    /** RFC 1071 as literally as possible: 16-bit words, end-around carry after each addition. */
    private static int reference(byte[] data, int offset, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 2) {
            int word = (data[offset + i] & 0xFF) << 8 | (i + 1 < length ? data[offset + i + 1] & 0xFF : 0);
            sum += word;
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }

    @Test
    void partialSumsChain() {
        byte[] data = Hex.bytes("0001 f203 f4f5 f6f7");
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int first = InternetChecksum.sum(buffer, 0, 4, 0);
        assertThat(InternetChecksum.checksum(buffer, 4, 4, first)).isEqualTo(0x220d);
    }

    @Test
    void ipv4PseudoHeaderSumMatchesTheBytesOfThePseudoHeader() {
        byte[] pseudo = Hex.bytes("0a000001 0a000002 00 11 000a");
        int expected = ~InternetChecksum.checksum(pseudo) & 0xFFFF;
        assertThat(InternetChecksum.ipv4PseudoHeaderSum(0x0a000001, 0x0a000002, 17, 10)).isEqualTo(expected);
        assertThat(InternetChecksum.ipv4PseudoHeaderSum((Inet4Address) Hex.ip("10.0.0.1"),
                (Inet4Address) Hex.ip("10.0.0.2"), 17, 10)).isEqualTo(expected);
    }

    @Test
    void ipv6PseudoHeaderSumMatchesTheBytesOfThePseudoHeader() {
        byte[] pseudo = Hex.bytes("fd000000000000000000000000000001 fd000000000000000000000000000002"
                + "0000000c 000000 3a");
        int expected = ~InternetChecksum.checksum(pseudo) & 0xFFFF;
        assertThat(InternetChecksum.ipv6PseudoHeaderSum((Inet6Address) Hex.ip("fd00::1"),
                (Inet6Address) Hex.ip("fd00::2"), 58, 12)).isEqualTo(expected);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> InternetChecksum.checksum((byte[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> InternetChecksum.checksum((ByteBuffer) null, 0, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("buffer");
        assertThatThrownBy(() -> InternetChecksum.checksum(new byte[4], 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> InternetChecksum.checksum(ByteBuffer.allocate(8).limit(4), 0, 5))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> InternetChecksum.checksum(ByteBuffer.allocate(8), 0, 8, 0x10000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partialSum");
        assertThatThrownBy(() -> InternetChecksum.ipv4PseudoHeaderSum(0, 0, 256, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocol");
        assertThatThrownBy(() -> InternetChecksum.ipv4PseudoHeaderSum(null, (Inet4Address) Hex.ip("1.2.3.4"), 1, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> InternetChecksum.ipv6PseudoHeaderSum((Inet6Address) Hex.ip("::1"), null, 1, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("destination");
    }
}
