// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.ip.InternetChecksum;

import java.nio.ByteBuffer;

/**
 * Hand-made TCP and UDP packets over IPv4 and IPv6 for the offload tests, with their checksums
 * computed by the {@code ip} module (an implementation independent of the session's), and the
 * checks of a packet's checksums. Stateless.
 */
public final class OffloadPackets {

    static final int ACK = 0x10;
    static final int PSH = 0x08;
    static final int FIN = 0x01;
    static final int CWR = 0x80;

    private static final byte[] V4_SOURCE = {10, 1, 2, 3};
    private static final byte[] V4_DESTINATION = {10, 1, 2, 4};
    private static final byte[] V6_SOURCE = {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3};
    private static final byte[] V6_DESTINATION = {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4};

    private OffloadPackets() {
    }

    /** A TCP segment; {@code options} bytes (a multiple of 4) follow the 20-byte header. */
    public static ByteBuffer tcp(boolean ipv6, int id, int seq, int ack, int flags, byte[] options, byte[] payload) {
        int l4Length = 20 + options.length + payload.length;
        ByteBuffer b = ip(ipv6, id, TransportHeaders.TCP, l4Length);
        int l4 = b.position();
        b.putShort((short) 40000).putShort((short) 5201).putInt(seq).putInt(ack)
                .put((byte) (((20 + options.length) / 4) << 4)).put((byte) flags)
                .putShort((short) 64240).putShort((short) 0).putShort((short) 0)
                .put(options).put(payload).flip();
        b.putShort(l4 + 16, (short) transportChecksum(b, ipv6, l4));
        return b;
    }

    /** A UDP datagram. */
    public static ByteBuffer udp(boolean ipv6, int id, byte[] payload) {
        int l4Length = 8 + payload.length;
        ByteBuffer b = ip(ipv6, id, TransportHeaders.UDP, l4Length);
        int l4 = b.position();
        b.putShort((short) 40001).putShort((short) 5353).putShort((short) l4Length).putShort((short) 0)
                .put(payload).flip();
        int checksum = transportChecksum(b, ipv6, l4);
        b.putShort(l4 + 6, (short) (checksum == 0 ? 0xFFFF : checksum));
        return b;
    }

    /** An IPv4 header with 4 bytes of options (a NOP list), then a TCP header with the ACK flag. */
    static ByteBuffer tcpWithIpOptions(int seq, byte[] payload) {
        int total = 24 + 20 + payload.length;
        ByteBuffer b = ByteBuffer.allocateDirect(total);
        b.put((byte) 0x46).put((byte) 0).putShort((short) total).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) TransportHeaders.TCP).putShort((short) 0)
                .put(V4_SOURCE).put(V4_DESTINATION).putInt(0x01010101);
        b.putShort(10, (short) InternetChecksum.checksum(b, 0, 24));
        b.putShort((short) 40000).putShort((short) 5201).putInt(seq).putInt(1)
                .put((byte) 0x50).put((byte) ACK).putShort((short) 64240).putShort((short) 0).putShort((short) 0)
                .put(payload).flip();
        b.putShort(24 + 16, (short) transportChecksum(b, false, 24));
        return b;
    }

    private static ByteBuffer ip(boolean ipv6, int id, int protocol, int l4Length) {
        ByteBuffer b = ByteBuffer.allocateDirect((ipv6 ? 40 : 20) + l4Length);
        if (ipv6) {
            b.putInt(0x6000_0000).putShort((short) l4Length).put((byte) protocol).put((byte) 64)
                    .put(V6_SOURCE).put(V6_DESTINATION);
        } else {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4Length)).putShort((short) id)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0)
                    .put(V4_SOURCE).put(V4_DESTINATION);
            b.putShort(10, (short) InternetChecksum.checksum(b, 0, 20));
        }
        return b;
    }

    /** @return the TCP or UDP checksum of the packet in {@code b} (from 0 to its limit), its field taken as it is */
    public static int transportChecksum(ByteBuffer b, boolean ipv6, int l4) {
        int l4Length = b.limit() - l4;
        int protocol = b.get(ipv6 ? 6 : 9) & 0xFF;
        int pseudo = InternetChecksum.sum(b, ipv6 ? 8 : 12, ipv6 ? 32 : 8, 0);
        pseudo = InternetChecksum.sum(ByteBuffer.allocate(4).putShort(2, (short) protocol), 0, 4, pseudo);
        pseudo = InternetChecksum.sum(ByteBuffer.allocate(2).putShort(0, (short) l4Length), 0, 2, pseudo);
        return InternetChecksum.checksum(b, l4, l4Length, pseudo);
    }

    /** @return whether the packet (position 0 to limit) has a valid IPv4 header checksum (IPv6: true) and transport checksum */
    public static boolean checksumsValid(ByteBuffer packet) {
        ByteBuffer b = packet.slice();
        boolean ipv6 = (b.get(0) & 0xF0) == 0x60;
        int ipLength = ipv6 ? 40 : (b.get(0) & 0x0F) * 4;
        if (!ipv6 && InternetChecksum.checksum(b, 0, ipLength) != 0) {
            return false;
        }
        return transportChecksum(b, ipv6, ipLength) == 0;
    }

    /** @return bytes 0, 1, 2, ... of the given length (mod 251, so that segments differ) */
    public static byte[] payload(int length, int first) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((first + i) % 251);
        }
        return bytes;
    }

    /** @return the bytes of the packet from position to limit */
    public static byte[] bytes(ByteBuffer packet) {
        byte[] bytes = new byte[packet.remaining()];
        packet.duplicate().get(bytes);
        return bytes;
    }
}
