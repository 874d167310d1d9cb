// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The packets the kit sends and delivers: valid IPv4 and IPv6 datagrams (UDP, correct lengths,
 * IPv4 header checksum) whose payload carries a {@link PacketStamp} and a filler derived from it,
 * so that order, identity and integrity can all be checked at the other end. Also the malformed
 * frames of the non-IP rules (reference section 4).
 *
 * <p>Payload layout after the UDP header: {@code "WT4J"}, the sender as a 32-bit integer, the
 * sequence number as a 64-bit integer, then filler bytes {@code f(sender, seq, index)}.
 * Stateless; thread-safe.
 */
public final class TestPackets {

    /** The smallest stamped IPv4 packet: IPv4 header, UDP header, magic, sender, sequence number. */
    public static final int MIN_STAMPED_IPV4 = 20 + 8 + 16;
    /** The smallest stamped IPv6 packet. */
    public static final int MIN_STAMPED_IPV6 = 40 + 8 + 16;
    /** The smallest IPv4 packet the driver accepts (reference section 4). */
    public static final int MIN_IPV4 = 20;
    /** The smallest IPv6 packet the driver accepts (reference section 4). */
    public static final int MIN_IPV6 = 40;

    private static final int MAGIC = 0x5754_344A; // "WT4J"
    private static final int UDP = 17;

    private TestPackets() {
    }

    /**
     * @param sender the sender, 0..255 (also the last byte of the source address)
     * @param seq    the sequence number
     * @param size   the packet size, {@link #MIN_STAMPED_IPV4}..0xFFFF
     * @return a valid IPv4/UDP packet carrying the stamp
     */
    public static byte[] ipv4(int sender, long seq, int size) {
        requireRange("IPv4 stamped packet size", size, MIN_STAMPED_IPV4, 0xFFFF);
        requireRange("sender", sender, 0, 255);
        ByteBuffer packet = ByteBuffer.allocate(size);
        packet.put(0, (byte) 0x45);                   // version 4, IHL 5
        packet.putShort(2, (short) size);              // total length
        packet.putShort(4, (short) seq);               // identification
        packet.put(8, (byte) 64);                      // TTL
        packet.put(9, (byte) UDP);
        packet.putInt(12, 0x0A4D_0000 | (sender << 8) | 1); // 10.77.<sender>.1
        packet.putInt(16, 0x0A4D_FF02);                // 10.77.255.2
        packet.putShort(10, (short) ipv4HeaderChecksum(packet));
        writeUdpAndStamp(packet, 20, sender, seq);
        return packet.array();
    }

    /**
     * @param sender the sender, 0..255 (also the last byte of the source address)
     * @param seq    the sequence number
     * @param size   the packet size, {@link #MIN_STAMPED_IPV6}..0xFFFF
     * @return a valid IPv6/UDP packet carrying the stamp
     */
    public static byte[] ipv6(int sender, long seq, int size) {
        requireRange("IPv6 stamped packet size", size, MIN_STAMPED_IPV6, 0xFFFF);
        requireRange("sender", sender, 0, 255);
        ByteBuffer packet = ByteBuffer.allocate(size);
        packet.put(0, (byte) 0x60);                    // version 6
        packet.putShort(4, (short) (size - 40));        // payload length
        packet.put(6, (byte) UDP);                     // next header
        packet.put(7, (byte) 64);                      // hop limit
        packet.putInt(8, 0xFD77_0000);                 // fd77::<sender>:1
        packet.putInt(20, (sender << 16) | 1);
        packet.putInt(24, 0xFD77_0000);                // fd77::2
        packet.putInt(36, 2);
        writeUdpAndStamp(packet, 40, sender, seq);
        return packet.array();
    }

    /**
     * An IPv4 header and a filler, too short to carry a stamp: for the size limits of the driver.
     *
     * @param size {@link #MIN_IPV4}..0xFFFF
     * @return a packet whose version nibble is 4 and whose total length is {@code size}
     */
    public static byte[] bareIpv4(int size) {
        requireRange("IPv4 packet size", size, MIN_IPV4, 0xFFFF);
        byte[] packet = withVersion(4, size);
        packet[0] = 0x45;
        packet[2] = (byte) (size >>> 8);
        packet[3] = (byte) size;
        packet[9] = (byte) UDP;
        return packet;
    }

    /**
     * An IPv6 header and a filler, too short to carry a stamp.
     *
     * @param size {@link #MIN_IPV6}..0xFFFF
     * @return a packet whose version nibble is 6 and whose payload length fits {@code size}
     */
    public static byte[] bareIpv6(int size) {
        requireRange("IPv6 packet size", size, MIN_IPV6, 0xFFFF);
        byte[] packet = withVersion(6, size);
        packet[4] = (byte) ((size - 40) >>> 8);
        packet[5] = (byte) (size - 40);
        packet[6] = (byte) 59; // no next header
        return packet;
    }

    /**
     * A frame of any size whose first nibble is {@code version} (and nothing else meaningful):
     * with a version other than 4 or 6, or too short for its version, the driver must drop it.
     *
     * @param version the version nibble, 0..15
     * @param size    1..0xFFFF
     * @return the frame
     */
    public static byte[] withVersion(int version, int size) {
        requireRange("version", version, 0, 15);
        requireRange("frame size", size, 1, 0xFFFF);
        byte[] frame = new byte[size];
        for (int i = 1; i < size; i++) {
            frame[i] = (byte) (0xA5 ^ i);
        }
        frame[0] = (byte) (version << 4 | 5);
        return frame;
    }

    /**
     * Reads and verifies the stamp of a packet built by {@link #ipv4} or {@link #ipv6}.
     *
     * @param packet the packet's bytes
     * @return its stamp
     * @throws AssertionError when the packet is not a stamped packet, or its bytes were altered
     */
    public static PacketStamp stampOf(byte[] packet) {
        return stampOf(ByteBuffer.wrap(packet));
    }

    /**
     * Reads and verifies the stamp of a packet, from position 0 to the limit of {@code packet},
     * with absolute reads (the buffer is not moved).
     *
     * @param packet the packet's bytes, such as a received {@code Packet.buffer()}
     * @return its stamp
     * @throws AssertionError when the packet is not a stamped packet, or its bytes were altered
     */
    public static PacketStamp stampOf(ByteBuffer packet) {
        ByteBuffer bytes = packet.duplicate().order(ByteOrder.BIG_ENDIAN);
        int size = bytes.limit();
        if (size < 1) {
            throw new AssertionError("empty packet");
        }
        int version = (bytes.get(0) & 0xFF) >>> 4;
        int header = version == 4 ? 20 : version == 6 ? 40 : -1;
        if (header < 0 || size < header + 8 + 16) {
            throw new AssertionError("not a stamped test packet: version " + version + ", " + size + " bytes");
        }
        int stamp = header + 8;
        if (bytes.getInt(stamp) != MAGIC) {
            throw new AssertionError("not a stamped test packet: no magic at offset " + stamp);
        }
        int sender = bytes.getInt(stamp + 4);
        long seq = bytes.getLong(stamp + 8);
        for (int i = stamp + 16; i < size; i++) {
            if (bytes.get(i) != filler(sender, seq, i)) {
                throw new AssertionError("packet " + sender + "/" + seq + " of " + size
                        + " bytes is corrupt at offset " + i);
            }
        }
        return new PacketStamp(sender, seq);
    }

    /**
     * @param view a packet view
     * @return a copy of its bytes from 0 to its limit (absolute reads; the view is not moved)
     */
    public static byte[] bytesOf(ByteBuffer view) {
        byte[] copy = new byte[view.limit()];
        view.get(0, copy);
        return copy;
    }

    private static void writeUdpAndStamp(ByteBuffer packet, int offset, int sender, long seq) {
        int size = packet.capacity();
        packet.putShort(offset, (short) (40000 + sender));  // source port
        packet.putShort(offset + 2, (short) 9);             // destination port: discard
        packet.putShort(offset + 4, (short) (size - offset)); // UDP length
        // UDP checksum 0: "none" for IPv4; the driver checks no checksum anyway (reference section 4).
        int stamp = offset + 8;
        packet.putInt(stamp, MAGIC);
        packet.putInt(stamp + 4, sender);
        packet.putLong(stamp + 8, seq);
        for (int i = stamp + 16; i < size; i++) {
            packet.put(i, filler(sender, seq, i));
        }
    }

    private static byte filler(int sender, long seq, int index) {
        return (byte) (seq * 31 + sender * 7 + index);
    }

    private static int ipv4HeaderChecksum(ByteBuffer packet) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += packet.getShort(i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }

    private static void requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ", got " + value);
        }
    }
}
