// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The {@code struct virtio_net_hdr} (linux/virtio_net.h) before every packet read from or written
 * to a TUN descriptor opened with {@code IFF_VNET_HDR}: 10 bytes in host byte order (the device is
 * not a legacy big-endian virtio device): {@code flags} u8, {@code gso_type} u8, {@code hdr_len}
 * u16, {@code gso_size} u16, {@code csum_start} u16, {@code csum_offset} u16. Static accessors on
 * a big-endian buffer at an absolute index; stateless, thread-safe.
 */
final class VirtioNetHeader {

    /** {@code sizeof(struct virtio_net_hdr)}. */
    static final int SIZE = 10;

    /** {@code VIRTIO_NET_HDR_F_NEEDS_CSUM}: the checksum from {@code csum_start} on is to be completed. */
    static final int F_NEEDS_CSUM = 1;
    /** {@code VIRTIO_NET_HDR_GSO_NONE}. */
    static final int GSO_NONE = 0;
    /** {@code VIRTIO_NET_HDR_GSO_TCPV4}. */
    static final int GSO_TCPV4 = 1;
    /** {@code VIRTIO_NET_HDR_GSO_TCPV6}. */
    static final int GSO_TCPV6 = 4;
    /** {@code VIRTIO_NET_HDR_GSO_UDP_L4}: UDP segmentation (USO), IPv4 or IPv6. */
    static final int GSO_UDP_L4 = 5;
    /** {@code VIRTIO_NET_HDR_GSO_ECN}: the TCP flow uses ECN (CWR only on the first segment). */
    static final int GSO_ECN = 0x80;

    private static final boolean SWAP = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private VirtioNetHeader() {
    }

    static int flags(ByteBuffer b, int at) {
        return b.get(at) & 0xFF;
    }

    static int gsoType(ByteBuffer b, int at) {
        return b.get(at + 1) & 0xFF;
    }

    static int hdrLen(ByteBuffer b, int at) {
        return u16(b, at + 2);
    }

    static int gsoSize(ByteBuffer b, int at) {
        return u16(b, at + 4);
    }

    static int csumStart(ByteBuffer b, int at) {
        return u16(b, at + 6);
    }

    static int csumOffset(ByteBuffer b, int at) {
        return u16(b, at + 8);
    }

    /** Writes a header: all ten bytes. */
    static void put(ByteBuffer b, int at, int flags, int gsoType, int hdrLen, int gsoSize, int csumStart, int csumOffset) {
        b.put(at, (byte) flags);
        b.put(at + 1, (byte) gsoType);
        putU16(b, at + 2, hdrLen);
        putU16(b, at + 4, gsoSize);
        putU16(b, at + 6, csumStart);
        putU16(b, at + 8, csumOffset);
    }

    /** Writes a header of zeros: a plain packet, checksums complete. */
    static void putNone(ByteBuffer b, int at) {
        b.putLong(at, 0L);
        b.putShort(at + 8, (short) 0);
    }

    private static int u16(ByteBuffer b, int at) {
        short v = b.getShort(at);
        return (b.order() == ByteOrder.BIG_ENDIAN == SWAP ? Short.reverseBytes(v) : v) & 0xFFFF;
    }

    private static void putU16(ByteBuffer b, int at, int value) {
        short v = (short) value;
        b.putShort(at, b.order() == ByteOrder.BIG_ENDIAN == SWAP ? Short.reverseBytes(v) : v);
    }
}
