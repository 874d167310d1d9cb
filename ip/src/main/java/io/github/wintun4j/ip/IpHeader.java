// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import org.osgi.annotation.versioning.ProviderType;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The IP header of a packet, IPv4 or IPv6, read from a buffer and copied out: a parsed header
 * holds no reference to the buffer.
 *
 * <p>A packet is the bytes between a buffer's position and its limit (a Wintun packet view is
 * exactly that). Parsing reads with absolute gets: the buffer's position, limit and byte order
 * are never changed, and a read-only buffer is fine. Bytes after the length the header declares
 * (link-layer padding, say) are ignored.
 *
 * <p>A header returned in a {@linkplain ParseResult#isValid() valid} result is consistent with
 * the buffer it came from: {@code headerLength() <= transportOffset() <= totalLength()} and
 * {@code totalLength()} bytes were present. Implementations are immutable and thread-safe;
 * the static methods are stateless and thread-safe (they must not race with a writer of the
 * same buffer, as for any read).
 */
@ProviderType
public sealed interface IpHeader permits Ipv4Header, Ipv6Header {

    /**
     * The IP version nibble, the high four bits of the first byte, without any other check.
     *
     * @param packet the packet (position..limit)
     * @return 0..15, or -1 when the packet is empty
     * @throws NullPointerException when {@code packet} is null
     */
    static int version(ByteBuffer packet) {
        Objects.requireNonNull(packet, "packet");
        return packet.hasRemaining() ? BigEndian.u8(packet, packet.position()) >>> 4 : -1;
    }

    /**
     * Parses an IPv4 or IPv6 header, according to the version nibble.
     *
     * @param packet the packet (position..limit); not modified
     * @return the header, or why there is none: {@code TRUNCATED} for an empty or short packet,
     *         {@code MALFORMED} for a version other than 4 and 6 or impossible fields
     * @throws NullPointerException when {@code packet} is null
     */
    static ParseResult<IpHeader> parse(ByteBuffer packet) {
        int version = version(packet);
        switch (version) {
            case 4:
                return Ipv4Header.parse(packet).map(IpHeader.class::cast);
            case 6:
                return Ipv6Header.parse(packet).map(IpHeader.class::cast);
            case -1:
                return ParseResult.truncated("empty packet");
            default:
                return ParseResult.malformed("not an IP packet: version nibble " + version);
        }
    }

    /** {@return 4 or 6} */
    int version();

    /** {@return the source address} */
    InetAddress source();

    /** {@return the destination address} */
    InetAddress destination();

    /** {@return the protocol field of IPv4, the next-header field of the fixed IPv6 header; 0..255} */
    int protocol();

    /** {@return the IPv4 TTL or the IPv6 hop limit, 0..255} */
    int hopLimit();

    /** {@return the length of the IP header proper: 20..60 for IPv4 (options included), 40 for IPv6} */
    int headerLength();

    /** {@return the whole packet's declared length, header included: IPv4 total length, 40 + IPv6 payload length} */
    int totalLength();

    /** {@return {@code totalLength() - headerLength()}} */
    default int payloadLength() {
        return totalLength() - headerLength();
    }

    /**
     * {@return the protocol of the bytes at {@link #transportOffset()}: the IPv4 protocol, or for IPv6 the next header after skipping hop-by-hop, routing and destination options headers ({@link IpProtocol#FRAGMENT} for a fragment)}
     *
     */
    int transportProtocol();

    /** {@return where the transport header starts, counted from the packet's first byte} */
    int transportOffset();

    /** {@return {@code totalLength() - transportOffset()}} */
    default int transportLength() {
        return totalLength() - transportOffset();
    }

    /** {@return whether the packet is a fragment (IPv4 more-fragments or a fragment offset; an IPv6 fragment header)} */
    boolean isFragment();
}
