// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.nio.ByteBuffer;

/**
 * Builds what a session writes to a TUN descriptor opened with {@code IFF_VNET_HDR}: a
 * {@code virtio_net_hdr} and a packet. Consecutive packets of one TCP flow (or one UDP flow, when
 * the kernel took UDP segmentation offload) are merged into one segmentation-offload packet, so
 * that the kernel takes up to 64 KiB in one {@code write()}; the kernel cuts it again exactly
 * where the packets were cut. A packet is appended to the batch only when:
 *
 * <ul>
 *   <li>both are IPv4 without options and unfragmented, with the same TOS, TTL and DF bit and the
 *       next IP ID (the kernel gives each segment the first one's ID plus its index), or both
 *       IPv6 without extension headers with the same traffic class, flow label and hop limit;</li>
 *   <li>same addresses and ports; TCP: the next sequence number, the same acknowledgment, window
 *       and options, flags ACK alone (PSH too on the last packet of a batch); UDP: the datagram
 *       fills its IP packet and has a checksum;</li>
 *   <li>the payload is no larger than the first one's, and every earlier one was as large as the
 *       first (only the last may be shorter); the merged packet stays within 65535 bytes and
 *       {@link #MAX_SEGMENTS} segments.</li>
 * </ul>
 *
 * Everything else is written as it is, with a header of zeros. The merged packet carries the
 * pseudo-header sum in its checksum field and {@code NEEDS_CSUM}, as the kernel expects of a GSO
 * packet, and its IP lengths (and IPv4 header checksum) cover the whole.
 *
 * <p>Not thread-safe: used by the holder of the write token.
 */
final class GsoCoalescer {

    /** Segments per merged packet at most (the kernel's UDP GSO limit is 64 in older versions). */
    static final int MAX_SEGMENTS = 64;
    private static final int MAX_PACKET = 65_535;
    private static final int TCP_ACK = 0x10;
    private static final int TCP_PSH = 0x08;
    private static final int START = VirtioNetHeader.SIZE;

    private final boolean tcp;
    private final boolean udp;
    private final TransportHeaders first = new TransportHeaders();
    private final TransportHeaders next = new TransportHeaders();
    private ByteBuffer batch = newBuffer();
    /** Bytes of the packet (without the virtio header); 0 when there is no batch. */
    private int length;
    private int segments;
    private int gsoSize;
    /** Whether more packets may be appended. */
    private boolean open;

    /**
     * @param tcp whether the kernel took TCP segmentation offload (TSO4, TSO6)
     * @param udp whether it took UDP segmentation offload (USO4, USO6)
     */
    GsoCoalescer(boolean tcp, boolean udp) {
        this.tcp = tcp;
        this.udp = udp;
    }

    static ByteBuffer newBuffer() {
        return ByteBuffer.allocateDirect(START + MAX_PACKET);
    }

    /** @return whether a packet waits to be written */
    boolean hasBatch() {
        return length > 0;
    }

    /** @return whether {@link #append} may still take packets; when not, the batch is to be written */
    boolean isOpen() {
        return open;
    }

    /** @return how many of the application's packets the batch holds */
    int segments() {
        return segments;
    }

    /**
     * Starts a batch with a copy of the packet; only when there is none.
     *
     * @param packet an IP packet from position to limit, at most 65535 bytes
     */
    void start(ByteBuffer packet) {
        int size = packet.remaining();
        batch.clear().put(START, packet, packet.position(), size);
        length = size;
        segments = 1;
        open = false;
        if (!first.parse(batch, START, size)) {
            return;
        }
        int payload = size - first.headerLength();
        if (payload <= 0 || !ipCanMerge(batch, START, first, size)) {
            return;
        }
        int l4 = START + first.ipLength;
        if (first.protocol == TransportHeaders.TCP) {
            int flags = batch.get(l4 + 13) & 0xFF;
            open = tcp && flags == TCP_ACK;
        } else {
            open = udp && udpCanMerge(batch, l4, size - first.ipLength);
        }
        gsoSize = payload;
    }

    /**
     * Appends the packet to the batch when it continues it (see the class comment).
     *
     * @return whether it was appended; when not, the caller writes the batch and starts another
     */
    boolean append(ByteBuffer packet) {
        if (!open) {
            return false;
        }
        int at = packet.position();
        int size = packet.remaining();
        if (!next.parse(packet, at, size) || next.ipv6 != first.ipv6 || next.protocol != first.protocol
                || next.ipLength != first.ipLength || next.l4Length != first.l4Length) {
            return false;
        }
        int headerLength = first.headerLength();
        int payload = size - headerLength;
        if (payload <= 0 || payload > gsoSize || length + payload > MAX_PACKET || segments == MAX_SEGMENTS
                || !ipCanMerge(packet, at, next, size) || !sameFlowHeaders(packet, at)) {
            return false;
        }
        int l4 = at + first.ipLength;
        int batchL4 = START + first.ipLength;
        boolean push = false;
        if (first.protocol == TransportHeaders.TCP) {
            int flags = packet.get(l4 + 13) & 0xFF;
            if ((flags != TCP_ACK && flags != (TCP_ACK | TCP_PSH))
                    || packet.getInt(l4 + 4) != batch.getInt(batchL4 + 4) + (length - headerLength)
                    || packet.getInt(l4 + 8) != batch.getInt(batchL4 + 8)
                    || packet.getShort(l4 + 14) != batch.getShort(batchL4 + 14)
                    || packet.getShort(l4 + 18) != batch.getShort(batchL4 + 18)
                    || !sameBytes(packet, l4 + 20, batch, batchL4 + 20, first.l4Length - 20)) {
                return false;
            }
            push = flags != TCP_ACK;
        } else if (!udpCanMerge(packet, l4, size - first.ipLength)) {
            return false;
        }
        batch.put(START + length, packet, at + headerLength, payload);
        length += payload;
        segments++;
        if (push) {
            batch.put(batchL4 + 13, (byte) (TCP_ACK | TCP_PSH));
        }
        open = !push && payload == gsoSize;
        return true;
    }

    /**
     * Makes the batch ready to write: the virtio header, and for a merged packet its lengths and
     * checksums. The batch stays until {@link #clear()}.
     *
     * @return the header and packet, position 0
     */
    ByteBuffer finish() {
        if (segments == 1) {
            VirtioNetHeader.putNone(batch, 0);
        } else {
            int ipLength = first.ipLength;
            int l4Length = length - ipLength;
            if (first.ipv6) {
                batch.putShort(START + 4, (short) l4Length);
            } else {
                batch.putShort(START + 2, (short) length);
                InternetChecksum.setIpv4HeaderChecksum(batch, START, ipLength);
            }
            int l4 = START + ipLength;
            boolean isTcp = first.protocol == TransportHeaders.TCP;
            int checksumOffset = isTcp ? 16 : 6;
            if (!isTcp) {
                batch.putShort(l4 + 4, (short) l4Length);
            }
            int pseudo = InternetChecksum.fold(
                    InternetChecksum.pseudoHeader(batch, START, first.ipv6, first.protocol, l4Length));
            batch.putShort(l4 + checksumOffset, (short) pseudo);
            int type = isTcp ? (first.ipv6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4)
                    : VirtioNetHeader.GSO_UDP_L4;
            VirtioNetHeader.put(batch, 0, VirtioNetHeader.F_NEEDS_CSUM, type, first.headerLength(), gsoSize,
                    ipLength, checksumOffset);
        }
        return batch.clear().limit(START + length);
    }

    /** Forgets the batch (it was written). */
    void clear() {
        length = 0;
        segments = 0;
        open = false;
    }

    /**
     * Gives the batch's buffer away (to be written later) and takes an empty one.
     *
     * @param empty a buffer of {@link #newBuffer()}'s size
     * @return the batch's buffer, as {@link #finish()} left it
     */
    ByteBuffer swap(ByteBuffer empty) {
        ByteBuffer full = batch;
        batch = empty;
        clear();
        return full;
    }

    /** @return whether the IP header allows merging and, for a later packet, continues the first one's */
    private boolean ipCanMerge(ByteBuffer b, int at, TransportHeaders h, int size) {
        if (h.ipv6) {
            return (b.getShort(at + 4) & 0xFFFF) == size - TransportHeaders.IPV6_HEADER;
        }
        return h.ipLength == 20 && (b.getShort(at + 2) & 0xFFFF) == size;
    }

    /** @return whether the later packet's addresses, ports and IP fields match the batch's */
    private boolean sameFlowHeaders(ByteBuffer b, int at) {
        if (first.ipv6) {
            return b.getInt(at) == batch.getInt(START)              // version, traffic class, flow label
                    && b.get(at + 7) == batch.get(START + 7)        // hop limit
                    && sameBytes(b, at + 8, batch, START + 8, 32)     // addresses
                    && b.getInt(at + 40) == batch.getInt(START + 40);   // ports
        }
        return b.get(at + 1) == batch.get(START + 1)                // TOS
                && (b.get(at + 6) & 0x40) == (batch.get(START + 6) & 0x40)  // DF
                && b.get(at + 8) == batch.get(START + 8)            // TTL
                && (short) (b.getShort(at + 4) - batch.getShort(START + 4)) == (short) segments  // the next ID
                && b.getLong(at + 12) == batch.getLong(START + 12)  // addresses
                && b.getInt(at + 20) == batch.getInt(START + 20);   // ports
    }

    /** @return whether the byte ranges are equal; lengths are multiples of 4 (TCP options, addresses) */
    private static boolean sameBytes(ByteBuffer a, int aAt, ByteBuffer b, int bAt, int length) {
        for (int i = 0; i < length; i += 4) {
            if (a.getInt(aAt + i) != b.getInt(bAt + i)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether a UDP datagram fills its IP packet and carries a checksum */
    private static boolean udpCanMerge(ByteBuffer b, int l4, int l4Length) {
        return (b.getShort(l4 + 4) & 0xFFFF) == l4Length && b.getShort(l4 + 6) != 0;
    }
}
