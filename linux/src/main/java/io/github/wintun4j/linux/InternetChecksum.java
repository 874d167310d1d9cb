// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the ones' complement sum of 16-bit big-endian words, and the
 * TCP/UDP pseudo-header (RFC 793, RFC 8200 section 8.1). Sums are kept unfolded in a {@code long}
 * so that parts can be added before the one fold at the end. Reads 8 bytes at a time: the sum of
 * big-endian 32-bit halves folds to the same 16-bit sum. Stateless; thread-safe.
 */
final class InternetChecksum {

    private InternetChecksum() {
    }

    /**
     * @param buffer  big-endian bytes (absolute indices; position and limit are not used)
     * @param from    the first byte
     * @param length  how many bytes; an odd last byte counts as its word's high byte
     * @param initial a sum to add to
     * @return the unfolded sum
     */
    static long sum(ByteBuffer buffer, int from, int length, long initial) {
        if (buffer.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("the checksum reads big-endian words");
        }
        long sum = initial;
        int at = from;
        int end = from + length;
        for (; end - at >= 8; at += 8) {
            long v = buffer.getLong(at);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        if (end - at >= 4) {
            sum += buffer.getInt(at) & 0xFFFF_FFFFL;
            at += 4;
        }
        if (end - at >= 2) {
            sum += buffer.getShort(at) & 0xFFFF;
            at += 2;
        }
        if (at < end) {
            sum += (buffer.get(at) & 0xFF) << 8;
        }
        return sum;
    }

    /** @return the sum folded to 16 bits (not complemented) */
    static int fold(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    /** @return the checksum field's value for this sum: the complement of the folded sum */
    static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /**
     * The pseudo-header of TCP and UDP: source and destination address, protocol, and the length
     * of the transport header and payload.
     *
     * @param packet      the IP packet (big-endian)
     * @param ipAt        where its IP header starts
     * @param ipv6        whether it is IPv6 (addresses at 8 and 24, 16 bytes) or IPv4 (12 and 16, 4 bytes)
     * @param protocol    6 (TCP) or 17 (UDP)
     * @param l4Length    the transport length
     * @return the unfolded sum
     */
    static long pseudoHeader(ByteBuffer packet, int ipAt, boolean ipv6, int protocol, int l4Length) {
        long sum = ipv6 ? sum(packet, ipAt + 8, 32, 0) : sum(packet, ipAt + 12, 8, 0);
        return sum + protocol + l4Length;
    }

    /** Sets the IPv4 header checksum of the header at {@code ipAt}, {@code length} bytes long. */
    static void setIpv4HeaderChecksum(ByteBuffer packet, int ipAt, int length) {
        packet.putShort(ipAt + 10, (short) 0);
        packet.putShort(ipAt + 10, (short) finish(sum(packet, ipAt, length, 0)));
    }
}
