// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.nio.ByteBuffer;

/**
 * What a session does with one read from a TUN descriptor opened with {@code IFF_VNET_HDR}: turns
 * the {@code virtio_net_hdr} and the packet behind it into the packets the application would have
 * read without offloads.
 *
 * <ul>
 *   <li>{@code GSO_NONE}: the packet itself; with {@code NEEDS_CSUM}, its TCP or UDP checksum is
 *       completed first (the kernel left the pseudo-header sum in the checksum field);</li>
 *   <li>{@code GSO_TCPV4}, {@code GSO_TCPV6}, {@code GSO_UDP_L4}: the packet is cut into segments
 *       of {@code gso_size} payload bytes (the last may be shorter), each with its own headers as
 *       the kernel's software segmentation makes them: IPv4 total length, an ID one higher per
 *       segment and the header checksum; IPv6 payload length; TCP sequence number, FIN and PSH only
 *       on the last segment and CWR only on the first; UDP length; a complete TCP or UDP checksum.</li>
 * </ul>
 *
 * <p>The header lengths come from the packet's own headers, never from {@code hdr_len}. A header
 * that does not match its packet (an unknown GSO type, a type for another protocol, a zero
 * {@code gso_size}, more segments than the caller has room for, a checksum position outside the
 * packet) makes the read {@link #MALFORMED}: the caller drops and counts it.
 *
 * <p>Not thread-safe: one per receive thread.
 */
final class GsoSplit {

    /** The result for a read whose header does not describe its packet. */
    static final int MALFORMED = -1;

    private static final int TCP_FIN = 0x01;
    private static final int TCP_PSH = 0x08;
    private static final int TCP_CWR = 0x80;

    private final TransportHeaders headers = new TransportHeaders();

    /**
     * The most bytes the segments of one read take: every segment repeats the headers (at most 60
     * bytes of IPv4 and 60 of TCP) in front of its share of at most 65535 bytes.
     *
     * @param maxSegments the most segments the caller takes
     * @return the room {@link #receive} needs behind the read
     */
    static int worstCaseBytes(int maxSegments) {
        return 65_535 + maxSegments * 120;
    }

    /**
     * @param b        the buffer, big-endian; the segments are written into it too
     * @param at       where the {@code virtio_net_hdr} starts
     * @param length   the bytes read: header and packet
     * @param outAt    where segments may be written: behind the read, with
     *                 {@link #worstCaseBytes(int)} of room for {@code starts.length} segments
     * @param starts   receives where each resulting packet starts in {@code b}
     * @param sizes    receives each resulting packet's length
     * @return how many packets resulted (1 for a packet that was not segmented, which stays where
     *         it was read), or {@link #MALFORMED}
     */
    int receive(ByteBuffer b, int at, int length, int outAt, int[] starts, int[] sizes) {
        int packet = at + VirtioNetHeader.SIZE;
        int packetLength = length - VirtioNetHeader.SIZE;
        if (packetLength <= 0) {
            return MALFORMED;
        }
        int type = VirtioNetHeader.gsoType(b, at);
        if (type == VirtioNetHeader.GSO_NONE) {
            if ((VirtioNetHeader.flags(b, at) & VirtioNetHeader.F_NEEDS_CSUM) != 0
                    && !completeChecksum(b, packet, packetLength,
                    VirtioNetHeader.csumStart(b, at), VirtioNetHeader.csumOffset(b, at))) {
                return MALFORMED;
            }
            starts[0] = packet;
            sizes[0] = packetLength;
            return 1;
        }
        if (!headers.parse(b, packet, packetLength) || !matches(type)) {
            return MALFORMED;
        }
        int gsoSize = VirtioNetHeader.gsoSize(b, at);
        int headerLength = headers.headerLength();
        int payload = packetLength - headerLength;
        if (gsoSize == 0 || payload <= 0) {
            return MALFORMED;
        }
        int segments = (payload + gsoSize - 1) / gsoSize;
        if (segments > starts.length) {
            return MALFORMED;
        }
        segment(b, packet, headerLength, payload, gsoSize, segments, outAt, starts, sizes);
        return segments;
    }

    /** @return whether the GSO type is one this session asked for and fits the packet's headers */
    private boolean matches(int gsoType) {
        boolean ecn = (gsoType & VirtioNetHeader.GSO_ECN) != 0;
        switch (gsoType & ~VirtioNetHeader.GSO_ECN) {
            case VirtioNetHeader.GSO_TCPV4:
                return !headers.ipv6 && headers.protocol == TransportHeaders.TCP;
            case VirtioNetHeader.GSO_TCPV6:
                return headers.ipv6 && headers.protocol == TransportHeaders.TCP;
            case VirtioNetHeader.GSO_UDP_L4:
                return !ecn && headers.protocol == TransportHeaders.UDP;
            default:
                return false;
        }
    }

    private void segment(ByteBuffer b, int packet, int headerLength, int payload, int gsoSize, int segments,
                         int outAt, int[] starts, int[] sizes) {
        boolean tcp = headers.protocol == TransportHeaders.TCP;
        int ipLength = headers.ipLength;
        int id = b.getShort(packet + 4) & 0xFFFF;
        int sequence = tcp ? b.getInt(packet + ipLength + 4) : 0;
        int out = outAt;
        for (int i = 0; i < segments; i++) {
            int offset = i * gsoSize;
            int share = Math.min(gsoSize, payload - offset);
            int size = headerLength + share;
            b.put(out, b, packet, headerLength);
            b.put(out + headerLength, b, packet + headerLength + offset, share);
            if (headers.ipv6) {
                b.putShort(out + 4, (short) (size - ipLength));
            } else {
                b.putShort(out + 2, (short) size);
                b.putShort(out + 4, (short) (id + i));
                InternetChecksum.setIpv4HeaderChecksum(b, out, ipLength);
            }
            int l4 = out + ipLength;
            int l4Length = size - ipLength;
            int checksumAt;
            if (tcp) {
                b.putInt(l4 + 4, sequence + offset);
                int flags = b.get(l4 + 13) & 0xFF;
                if (i < segments - 1) {
                    flags &= ~(TCP_FIN | TCP_PSH);
                }
                if (i > 0) {
                    flags &= ~TCP_CWR;
                }
                b.put(l4 + 13, (byte) flags);
                checksumAt = l4 + 16;
            } else {
                b.putShort(l4 + 4, (short) l4Length);
                checksumAt = l4 + 6;
            }
            b.putShort(checksumAt, (short) 0);
            long sum = InternetChecksum.pseudoHeader(b, out, headers.ipv6, headers.protocol, l4Length);
            int checksum = InternetChecksum.finish(InternetChecksum.sum(b, l4, l4Length, sum));
            b.putShort(checksumAt, (short) (checksum == 0 && !tcp ? 0xFFFF : checksum));
            starts[i] = out;
            sizes[i] = size;
            out += size;
        }
    }

    /**
     * Completes a partial checksum: the field holds the pseudo-header sum, the checksum covers
     * everything from {@code csumStart} to the end.
     *
     * @return {@code false} when the positions are outside the packet
     */
    static boolean completeChecksum(ByteBuffer b, int packet, int packetLength, int csumStart, int csumOffset) {
        int field = csumStart + csumOffset;
        if (csumStart >= packetLength || field + 2 > packetLength) {
            return false;
        }
        int initial = b.getShort(packet + field) & 0xFFFF;
        b.putShort(packet + field, (short) 0);
        int checksum = InternetChecksum.finish(
                InternetChecksum.sum(b, packet + csumStart, packetLength - csumStart, initial));
        b.putShort(packet + field, (short) (checksum == 0 ? 0xFFFF : checksum));
        return true;
    }
}
