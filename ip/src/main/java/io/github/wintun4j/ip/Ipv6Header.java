// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * An IPv6 header (RFC 8200), read from a packet and copied out.
 *
 * <p>Parsing checks the version, the 40-byte fixed header and the payload length (at most the
 * bytes present), then walks the hop-by-hop, routing and destination options headers to find
 * the transport header; an extension header that runs past the payload makes the packet
 * {@code MALFORMED}. A fragment header stops the walk ({@link #isFragment()}). Jumbograms
 * (payload length 0 with a jumbo option) are not recognised; a TUN packet is at most 65535
 * bytes anyway. Immutable, thread-safe.
 */
public final class Ipv6Header implements IpHeader {

    /** The length of the fixed header. */
    public static final int LENGTH = 40;

    private final int trafficClass;
    private final int flowLabel;
    private final int payloadLength;
    private final int nextHeader;
    private final int hopLimit;
    private final byte[] source;
    private final byte[] destination;
    private final int transportProtocol;
    private final int transportOffset;

    private Ipv6Header(ByteBuffer packet, int base, int transportProtocol, int transportOffset) {
        int first = BigEndian.i32(packet, base);
        this.trafficClass = first >>> 20 & 0xFF;
        this.flowLabel = first & 0xFFFFF;
        this.payloadLength = BigEndian.u16(packet, base + 4);
        this.nextHeader = BigEndian.u8(packet, base + 6);
        this.hopLimit = BigEndian.u8(packet, base + 7);
        this.source = BigEndian.bytes(packet, base + 8, 16);
        this.destination = BigEndian.bytes(packet, base + 24, 16);
        this.transportProtocol = transportProtocol;
        this.transportOffset = transportOffset;
    }

    /**
     * Parses the IPv6 header at the packet's position.
     *
     * @param packet the packet (position..limit); not modified
     * @return the header; {@code UNSUPPORTED} for an IPv4 packet, {@code MALFORMED} for another
     *         version or a broken extension header chain, {@code TRUNCATED} when the fixed header
     *         or the payload length runs past the limit
     * @throws NullPointerException when {@code packet} is null
     */
    public static ParseResult<Ipv6Header> parse(ByteBuffer packet) {
        int version = IpHeader.version(packet);
        if (version == -1) {
            return ParseResult.truncated("empty packet");
        }
        if (version != 6) {
            return version == 4
                    ? ParseResult.unsupported("IPv4 packet, not IPv6")
                    : ParseResult.malformed("not an IP packet: version nibble " + version);
        }
        int base = packet.position();
        int available = packet.remaining();
        if (available < LENGTH) {
            return ParseResult.truncated("IPv6 header needs " + LENGTH + " bytes, " + available + " available");
        }
        int totalLength = LENGTH + BigEndian.u16(packet, base + 4);
        if (totalLength > available) {
            return ParseResult.truncated("IPv6 payload length " + (totalLength - LENGTH) + " > "
                    + (available - LENGTH) + " bytes available");
        }
        int protocol = BigEndian.u8(packet, base + 6);
        int offset = LENGTH;
        while (protocol == IpProtocol.HOP_BY_HOP || protocol == IpProtocol.ROUTING
                || protocol == IpProtocol.DESTINATION_OPTIONS) {
            // Each of these starts with next header and a length in 8-byte units, not counting the first 8.
            if (totalLength - offset < 8) {
                return ParseResult.malformed("IPv6 extension header " + protocol + " at " + offset
                        + " runs past the payload");
            }
            int length = (BigEndian.u8(packet, base + offset + 1) + 1) * 8;
            if (totalLength - offset < length) {
                return ParseResult.malformed("IPv6 extension header " + protocol + " at " + offset + " of "
                        + length + " bytes runs past the payload");
            }
            protocol = BigEndian.u8(packet, base + offset);
            offset += length;
        }
        return ParseResult.valid(new Ipv6Header(packet, base, protocol, offset));
    }

    /**
     * Writes a 40-byte fixed header: version 6, traffic class 0, flow label 0, the given
     * fields. The caller has checked the bounds and values.
     */
    static void write(ByteBuffer target, int at, int payloadLength, int nextHeader, int hopLimit,
            byte[] source, byte[] destination) {
        BigEndian.put32(target, at, 6 << 28);
        BigEndian.put16(target, at + 4, payloadLength);
        BigEndian.put8(target, at + 6, nextHeader);
        BigEndian.put8(target, at + 7, hopLimit);
        target.put(at + 8, source);
        target.put(at + 24, destination);
    }

    @Override
    public int version() {
        return 6;
    }

    /** {@return the traffic class, 0..255} */
    public int trafficClass() {
        return trafficClass;
    }

    /** {@return the flow label, 0..0xFFFFF} */
    public int flowLabel() {
        return flowLabel;
    }

    /** {@return {@value #LENGTH}: the fixed header only} */
    @Override
    public int headerLength() {
        return LENGTH;
    }

    /** {@return the payload length field: what follows the fixed header, extension headers included} */
    @Override
    public int payloadLength() {
        return payloadLength;
    }

    @Override
    public int totalLength() {
        return LENGTH + payloadLength;
    }

    /** {@return the next-header field of the fixed header} */
    public int nextHeader() {
        return nextHeader;
    }

    /** {@return the same as {@link #nextHeader()}} */
    @Override
    public int protocol() {
        return nextHeader;
    }

    @Override
    public int hopLimit() {
        return hopLimit;
    }

    @Override
    public int transportProtocol() {
        return transportProtocol;
    }

    @Override
    public int transportOffset() {
        return transportOffset;
    }

    @Override
    public boolean isFragment() {
        return transportProtocol == IpProtocol.FRAGMENT;
    }

    @Override
    public Inet6Address source() {
        return AddressCodec.ipv6(source);
    }

    @Override
    public Inet6Address destination() {
        return AddressCodec.ipv6(destination);
    }

    /** {@return a copy of the 16 source address bytes} */
    public byte[] sourceBytes() {
        return source.clone();
    }

    /** {@return a copy of the 16 destination address bytes} */
    public byte[] destinationBytes() {
        return destination.clone();
    }

    @Override
    public String toString() {
        return "IPv6 " + AddressText.ipv6(source) + " -> " + AddressText.ipv6(destination)
                + " next " + nextHeader + " hop-limit " + hopLimit + " len " + totalLength()
                + (isFragment() ? " fragment" : "");
    }
}
