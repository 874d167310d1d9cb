// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the three pcapng blocks a capture needs, each whole into a buffer, in little-endian
 * order (the Section Header's byte-order magic tells readers which).
 *
 * <p>Source of every number here: the pcapng specification, IETF draft-ietf-opsawg-pcapng
 * (sections "Section Header Block", "Interface Description Block", "Enhanced Packet Block",
 * "Options"), and LINKTYPE_RAW from the tcpdump.org link-layer header types registry.
 *
 * <p>Stateless; thread-safe.
 */
final class PcapngBlocks {

    static final int SECTION_HEADER_TYPE = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION_TYPE = 0x00000001;
    static final int ENHANCED_PACKET_TYPE = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** LINKTYPE_RAW: the packet starts with its IP header, the version from its first nibble. */
    static final int LINKTYPE_RAW = 101;

    static final short OPT_ENDOFOPT = 0;
    static final short OPT_SHB_USERAPPL = 4;
    static final short OPT_IF_NAME = 2;
    static final short OPT_IF_TSRESOL = 9;
    static final short OPT_EPB_FLAGS = 2;
    /** if_tsresol 9: timestamps count units of 10^-9 s, nanoseconds. */
    static final byte TSRESOL_NANOSECONDS = 9;

    /** epb_flags bits 0-1: 01 inbound, 10 outbound. */
    static final int FLAGS_INBOUND = 0b01;
    static final int FLAGS_OUTBOUND = 0b10;

    /**
     * The fixed part of an Enhanced Packet Block: type, length, interface, two timestamp words,
     * captured and original length (28), the epb_flags option (8), opt_endofopt (4) and the
     * trailing length (4).
     */
    static final int ENHANCED_PACKET_OVERHEAD = 44;

    private PcapngBlocks() {
    }

    /** @return a new little-endian buffer of {@code capacity} bytes */
    static ByteBuffer buffer(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return a new little-endian direct buffer of {@code capacity} bytes: a channel writes it without
     *         first copying it into a direct buffer of its own, as it must with a heap buffer
     */
    static ByteBuffer directBuffer(int capacity) {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the size of the Enhanced Packet Block of a packet of which {@code captured} bytes are kept */
    static int enhancedPacketSize(int captured) {
        return ENHANCED_PACKET_OVERHEAD + padded(captured);
    }

    /** Appends a Section Header Block of unknown section length, naming the writing application. */
    static ByteBuffer sectionHeader(String application) {
        byte[] name = application.getBytes(StandardCharsets.UTF_8);
        int length = 28 + option(name.length) + 4;
        ByteBuffer out = buffer(length);
        out.putInt(SECTION_HEADER_TYPE).putInt(length).putInt(BYTE_ORDER_MAGIC);
        out.putShort((short) 1).putShort((short) 0); // version 1.0
        out.putLong(-1L); // section length: not known in advance, so readers walk the blocks
        putOption(out, OPT_SHB_USERAPPL, name);
        out.putShort(OPT_ENDOFOPT).putShort((short) 0);
        out.putInt(length);
        return out.flip();
    }

    /** An Interface Description Block of LinkType 101 with its name and a nanosecond resolution. */
    static ByteBuffer interfaceDescription(String name, int snapLength) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int length = 16 + option(utf8.length) + option(1) + 4 + 4;
        ByteBuffer out = buffer(length);
        out.putInt(INTERFACE_DESCRIPTION_TYPE).putInt(length);
        out.putShort((short) LINKTYPE_RAW).putShort((short) 0).putInt(snapLength);
        putOption(out, OPT_IF_NAME, utf8);
        putOption(out, OPT_IF_TSRESOL, new byte[] {TSRESOL_NANOSECONDS});
        out.putShort(OPT_ENDOFOPT).putShort((short) 0);
        out.putInt(length);
        return out.flip();
    }

    /**
     * Appends one Enhanced Packet Block to {@code out}, which must have
     * {@link #enhancedPacketSize(int)} bytes free.
     *
     * @param packet   the packet, bytes from {@code offset}; read with absolute indexes only
     * @param captured how many bytes to keep (the snap length applied)
     * @param original the packet's real length
     */
    static void enhancedPacket(ByteBuffer out, int interfaceId, long timestampNanos, int flags,
                               ByteBuffer packet, int offset, int captured, int original) {
        int length = enhancedPacketSize(captured);
        out.putInt(ENHANCED_PACKET_TYPE).putInt(length).putInt(interfaceId);
        out.putInt((int) (timestampNanos >>> 32)).putInt((int) timestampNanos);
        out.putInt(captured).putInt(original);
        out.put(out.position(), packet, offset, captured);
        out.position(out.position() + captured);
        pad(out, captured);
        out.putShort(OPT_EPB_FLAGS).putShort((short) 4).putInt(flags);
        out.putShort(OPT_ENDOFOPT).putShort((short) 0);
        out.putInt(length);
    }

    /** @return the size of an option with a value of {@code valueLength} bytes, padding included */
    private static int option(int valueLength) {
        return 4 + padded(valueLength);
    }

    private static void putOption(ByteBuffer out, short code, byte[] value) {
        out.putShort(code).putShort((short) value.length).put(value);
        pad(out, value.length);
    }

    /** Every field and block of pcapng ends on a 32-bit boundary; padding is zeros. */
    private static void pad(ByteBuffer out, int written) {
        for (int i = written; (i & 3) != 0; i++) {
            out.put((byte) 0);
        }
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
