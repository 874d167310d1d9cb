// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The one-line description that the Wintun example program ({@code example.c}) prints for
 * every packet it receives, word for word, with the packet's {@link Direction} first (the
 * example says {@code Received}; a caller describing what it sends says {@code Sent}):
 * <ul>
 *   <li>{@code Received IPv4 ICMP echo reply from 10.6.7.7 to 10.6.7.8}: an IPv4 packet of
 *       protocol 1 whose ICMP part has at least 8 bytes and type 0 (the example applies the same
 *       test to the IPv6 next header, so an IPv6 packet with next header 1 and type 0 prints
 *       {@code Received IPv6 ICMP echo reply ...}; ICMPv6, next header 58, does not);</li>
 *   <li>{@code Received IPv6 proto 0x3a packet from fd00::1 to fd00::2}: any other packet with
 *       version nibble 4 or 6 (the protocol in lowercase hex without leading zeros, as C's
 *       {@code 0x%x} prints it: {@code 0x1}, {@code 0x6}, {@code 0x11});</li>
 *   <li>{@code Received packet without room for an IP header}: fewer than 20 bytes, or an IPv6
 *       packet of fewer than 40;</li>
 *   <li>{@code Received packet that was not IP}: any other version nibble.</li>
 * </ul>
 * Like the example, it reads only the fixed header fields and trusts no length field, so it
 * describes damaged packets too. One refinement: the ICMP type is read after the IPv4 header
 * length the packet declares (the example assumes 20 bytes); the two agree for every packet
 * without options. Addresses print as {@link AddressText} prints them.
 *
 * <p>Stateless, thread-safe.
 */
public final class PacketDescription {

    /** Which way the packet went, from the application's side: the first word of a description. */
    public enum Direction {
        /** The application received the packet from the adapter: {@code Received}. */
        RECEIVED("Received"),
        /** The application sent the packet to the adapter: {@code Sent}. */
        SENT("Sent");

        private final String word;

        Direction(String word) {
            this.word = word;
        }

        /** {@return the first word of a description, such as {@code "Received"}} */
        public String word() {
            return word;
        }
    }

    private PacketDescription() {
    }

    /**
     * {@return its description, never null}
     *
     * @param direction which way the packet went
     * @param packet    the packet (position..limit); not modified
     * @throws NullPointerException when an argument is null
     */
    public static String describe(Direction direction, ByteBuffer packet) {
        return Objects.requireNonNull(direction, "direction").word + ' ' + body(Objects.requireNonNull(packet, "packet"));
    }

    /**
     * {@return its description, never null}
     *
     * @param direction which way the packet went
     * @param packet    the whole packet
     * @throws NullPointerException when an argument is null
     * @see #describe(Direction, ByteBuffer)
     */
    public static String describe(Direction direction, byte[] packet) {
        return describe(direction, ByteBuffer.wrap(Objects.requireNonNull(packet, "packet")));
    }

    /** {@return the description after the direction's word} */
    private static String body(ByteBuffer packet) {
        int base = packet.position();
        int size = packet.remaining();
        if (size < Ipv4Header.MIN_LENGTH) {
            return "packet without room for an IP header";
        }
        int version = BigEndian.u8(packet, base) >>> 4;
        if (version == 4) {
            int headerLength = Math.max(Ipv4Header.MIN_LENGTH, (BigEndian.u8(packet, base) & 0x0F) * 4);
            return ipPacket(packet, 4, BigEndian.u8(packet, base + 9), headerLength,
                    AddressText.ipv4(BigEndian.i32(packet, base + 12)),
                    AddressText.ipv4(BigEndian.i32(packet, base + 16)));
        }
        if (version == 6) {
            if (size < Ipv6Header.LENGTH) {
                return "packet without room for an IP header";
            }
            return ipPacket(packet, 6, BigEndian.u8(packet, base + 6), Ipv6Header.LENGTH,
                    AddressText.ipv6(BigEndian.bytes(packet, base + 8, 16)),
                    AddressText.ipv6(BigEndian.bytes(packet, base + 24, 16)));
        }
        return "packet that was not IP";
    }

    private static String ipPacket(ByteBuffer packet, int version, int protocol, int headerLength, String source,
            String destination) {
        // As in the example: protocol 1 with type 0 is an echo reply, whatever the IP version.
        boolean echoReply = protocol == IpProtocol.ICMP
                && packet.remaining() - headerLength >= IcmpEcho.HEADER_LENGTH
                && BigEndian.u8(packet, packet.position() + headerLength) == IcmpEcho.ECHO_REPLY;
        if (echoReply) {
            return "IPv" + version + " ICMP echo reply from " + source + " to " + destination;
        }
        return "IPv" + version + " proto 0x" + Integer.toHexString(protocol) + " packet from " + source
                + " to " + destination;
    }
}
