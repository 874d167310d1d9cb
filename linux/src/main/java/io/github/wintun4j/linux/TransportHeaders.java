// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.nio.ByteBuffer;

/**
 * The headers of a TCP or UDP packet that segmentation offload works on, parsed from the packet
 * itself (never from the {@code hdr_len} of a {@code virtio_net_hdr}, which the kernel documents
 * as a hint): an IPv4 header without fragmentation, or an IPv6 header followed directly by TCP or
 * UDP (extension headers are not offloaded), then the TCP or UDP header. Reused from packet to
 * packet; not thread-safe.
 */
final class TransportHeaders {

    static final int TCP = 6;
    static final int UDP = 17;
    /** IPv6 fixed header. */
    static final int IPV6_HEADER = 40;

    /** Whether the packet is IPv6. */
    boolean ipv6;
    /** Bytes of the IP header. */
    int ipLength;
    /** {@link #TCP} or {@link #UDP}. */
    int protocol;
    /** Bytes of the TCP header (with options) or of the UDP header (8). */
    int l4Length;

    /** @return IP and transport header bytes: where the payload starts */
    int headerLength() {
        return ipLength + l4Length;
    }

    /**
     * @param b      the packet's buffer, big-endian
     * @param at     where the IP header starts
     * @param length the packet's length
     * @return whether it is a TCP or UDP packet of that shape, with its headers inside {@code length}
     */
    boolean parse(ByteBuffer b, int at, int length) {
        if (length < 20) {
            return false;
        }
        int version = (b.get(at) & 0xF0) >>> 4;
        if (version == 4) {
            ipv6 = false;
            ipLength = (b.get(at) & 0x0F) * 4;
            if (ipLength < 20 || ipLength > length || (b.getShort(at + 6) & 0x3FFF) != 0) {
                return false;   // a bad header length, or a fragment (MF set or an offset)
            }
            protocol = b.get(at + 9) & 0xFF;
        } else if (version == 6) {
            ipv6 = true;
            ipLength = IPV6_HEADER;
            if (length < IPV6_HEADER) {
                return false;
            }
            protocol = b.get(at + 6) & 0xFF;
        } else {
            return false;
        }
        if (protocol == TCP) {
            if (ipLength + 20 > length) {
                return false;
            }
            l4Length = ((b.get(at + ipLength + 12) & 0xF0) >>> 4) * 4;
            return l4Length >= 20 && ipLength + l4Length <= length;
        }
        if (protocol == UDP) {
            l4Length = 8;
            return ipLength + 8 <= length;
        }
        return false;
    }
}
