// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The Internet checksum of RFC 1071 (16-bit one's complement of the one's complement sum), and
 * the pseudo-header sums that UDP, TCP (RFC 768, RFC 9293) and ICMPv6 (RFC 4443, RFC 8200
 * section 8.1) add in front of their own bytes.
 *
 * <p>Two kinds of numbers appear here, both in 0..0xFFFF:
 * <ul>
 *   <li>a <em>sum</em>: the folded one's complement sum, not yet inverted; sums of even-length
 *       pieces can be chained through the {@code partialSum} parameters;</li>
 *   <li>a <em>checksum</em>: the inverted sum, the value to store in a header. Over bytes that
 *       already hold their correct checksum (and the same pseudo-header), the checksum is 0:
 *       that is how to verify one.</li>
 * </ul>
 * An odd trailing byte counts as the high byte of a word whose low byte is zero, so only the
 * last piece of a chain may have an odd length.
 *
 * <p>Buffers are read with absolute gets, in network order whatever their byte order; their
 * position, limit and order do not change. Stateless, thread-safe.
 */
public final class InternetChecksum {

    private InternetChecksum() {
    }

    /**
     * {@return the checksum of all of {@code data}, 0..0xFFFF}
     *
     * @param data the bytes to sum
     * @throws NullPointerException when {@code data} is null
     */
    public static int checksum(byte[] data) {
        Objects.requireNonNull(data, "data");
        return checksum(data, 0, data.length);
    }

    /**
     * {@return the checksum of {@code data[offset .. offset + length)}, 0..0xFFFF}
     *
     * @param data the bytes
     * @param offset the first byte to sum
     * @param length how many bytes to sum
     * @throws NullPointerException when {@code data} is null
     * @throws IndexOutOfBoundsException when the range is not inside {@code data}
     */
    public static int checksum(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(offset, length, data.length);
        return ~addArray(0, data, offset, length) & 0xFFFF;
    }

    /**
     * {@return the checksum of those bytes, 0..0xFFFF}
     *
     * @param buffer the bytes, read at absolute indexes
     * @param index the first byte to sum (absolute, not relative to the position)
     * @param length how many bytes to sum
     * @throws NullPointerException when {@code buffer} is null
     * @throws IndexOutOfBoundsException when the range is not inside {@code [0, buffer.limit())}
     */
    public static int checksum(ByteBuffer buffer, int index, int length) {
        return checksum(buffer, index, length, 0);
    }

    /**
     * The checksum of a pseudo-header (given by its sum) followed by bytes of a buffer: the
     * UDP, TCP and ICMPv6 checksum.
     *
     * @param buffer the bytes, read at absolute indexes
     * @param index the first byte to sum (absolute)
     * @param length how many bytes to sum
     * @param partialSum the sum of what comes before, e.g. {@link #ipv4PseudoHeaderSum}; 0 for none
     * @return the checksum, 0..0xFFFF
     * @throws NullPointerException when {@code buffer} is null
     * @throws IndexOutOfBoundsException when the range is not inside {@code [0, buffer.limit())}
     * @throws IllegalArgumentException when {@code partialSum} is not in 0..0xFFFF
     */
    public static int checksum(ByteBuffer buffer, int index, int length, int partialSum) {
        return ~sum(buffer, index, length, partialSum) & 0xFFFF;
    }

    /**
     * The folded one's complement sum of bytes of a buffer, added to a previous sum.
     *
     * @param buffer the bytes, read at absolute indexes
     * @param index the first byte to sum (absolute)
     * @param length how many bytes to sum
     * @param partialSum the sum so far (of an even number of bytes), 0..0xFFFF
     * @return the new sum, 0..0xFFFF
     * @throws NullPointerException when {@code buffer} is null
     * @throws IndexOutOfBoundsException when the range is not inside {@code [0, buffer.limit())}
     * @throws IllegalArgumentException when {@code partialSum} is not in 0..0xFFFF
     */
    public static int sum(ByteBuffer buffer, int index, int length, int partialSum) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(index, length, buffer.limit());
        requireSum(partialSum);
        if (buffer.hasArray()) {
            return addArray(partialSum, buffer.array(), buffer.arrayOffset() + index, length);
        }
        long acc = partialSum;
        int end = index + length;
        int i = index;
        if (length >= 32) {
            // Summing 32-bit words and folding gives the same one's complement sum (RFC 1071 section 2).
            ByteBuffer words = buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
            for (; i + 3 < end; i += 4) {
                acc += words.getInt(i) & 0xFFFF_FFFFL;
            }
        }
        for (; i + 1 < end; i += 2) {
            acc += BigEndian.u16(buffer, i);
        }
        if (i < end) {
            acc += BigEndian.u8(buffer, i) << 8;
        }
        return fold(acc);
    }

    /**
     * The sum of the IPv4 pseudo-header: source, destination, zero, protocol, upper-layer length.
     *
     * @param source the source address as a big-endian int (10.6.7.8 is {@code 0x0A060708})
     * @param destination the destination address as a big-endian int
     * @param protocol the protocol number, 0..255 (17 for UDP)
     * @param upperLayerLength the length of the transport header and data, 0..0xFFFF
     * @return the sum, 0..0xFFFF, to pass as {@code partialSum}
     * @throws IllegalArgumentException when a number is out of range
     */
    public static int ipv4PseudoHeaderSum(int source, int destination, int protocol, int upperLayerLength) {
        requireRange(protocol, 0xFF, "protocol");
        requireRange(upperLayerLength, 0xFFFF, "upperLayerLength");
        long acc = (source >>> 16) + (source & 0xFFFF)
                + (destination >>> 16) + (destination & 0xFFFF)
                + protocol + upperLayerLength;
        return fold(acc);
    }

    /**
     * The sum of the IPv4 pseudo-header for addresses given as objects.
     *
     * @param source the source address
     * @param destination the destination address
     * @param protocol the protocol number, 0..255
     * @param upperLayerLength the length of the transport header and data, 0..0xFFFF
     * @return the sum, 0..0xFFFF
     * @throws NullPointerException when an address is null
     * @throws IllegalArgumentException when a number is out of range
     * @see #ipv4PseudoHeaderSum(int, int, int, int)
     */
    public static int ipv4PseudoHeaderSum(Inet4Address source, Inet4Address destination, int protocol,
            int upperLayerLength) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        return ipv4PseudoHeaderSum(AddressCodec.toInt(source), AddressCodec.toInt(destination), protocol,
                upperLayerLength);
    }

    /**
     * The sum of the IPv6 pseudo-header (RFC 8200 section 8.1): source, destination, 32-bit
     * upper-layer length, three zero bytes, next header.
     *
     * @param source the source address
     * @param destination the destination address
     * @param nextHeader the upper-layer protocol, 0..255 (58 for ICMPv6, 17 for UDP)
     * @param upperLayerLength the length of the transport header and data, 0..0xFFFF here (no jumbograms)
     * @return the sum, 0..0xFFFF
     * @throws NullPointerException when an address is null
     * @throws IllegalArgumentException when a number is out of range
     */
    public static int ipv6PseudoHeaderSum(Inet6Address source, Inet6Address destination, int nextHeader,
            int upperLayerLength) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        return ipv6PseudoHeaderSum(source.getAddress(), destination.getAddress(), nextHeader, upperLayerLength);
    }

    static int ipv6PseudoHeaderSum(byte[] source, byte[] destination, int nextHeader, int upperLayerLength) {
        requireRange(nextHeader, 0xFF, "nextHeader");
        requireRange(upperLayerLength, 0xFFFF, "upperLayerLength");
        int acc = addArray(0, source, 0, 16);
        acc = addArray(acc, destination, 0, 16);
        return fold((long) acc + nextHeader + upperLayerLength);
    }

    private static int addArray(int partialSum, byte[] data, int offset, int length) {
        long acc = partialSum;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            acc += (data[i] & 0xFF) << 8 | data[i + 1] & 0xFF;
        }
        if (i < end) {
            acc += (data[i] & 0xFF) << 8;
        }
        return fold(acc);
    }

    private static int fold(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xFFFF) + (acc >>> 16);
        }
        return (int) acc;
    }

    private static void requireSum(int partialSum) {
        requireRange(partialSum, 0xFFFF, "partialSum");
    }

    private static void requireRange(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in 0.." + max + ", was " + value);
        }
    }
}
