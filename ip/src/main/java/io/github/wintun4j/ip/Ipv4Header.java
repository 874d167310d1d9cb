// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * An IPv4 header (RFC 791), read from a packet and copied out.
 *
 * <p>Parsing checks the version, the header length (IHL of at least 5, present in full) and the
 * total length (at least the header, at most the bytes present). The header checksum is
 * reported by {@link #isChecksumValid()}, not enforced: the Wintun driver does not check it
 * either. Immutable, thread-safe.
 */
public final class Ipv4Header implements IpHeader {

    /** The length of a header without options. */
    public static final int MIN_LENGTH = 20;

    private static final int FLAG_MORE_FRAGMENTS = 0x2000;
    private static final int FLAG_DONT_FRAGMENT = 0x4000;
    private static final int OFFSET_MASK = 0x1FFF;

    private final int headerLength;
    private final int typeOfService;
    private final int totalLength;
    private final int identification;
    private final int flagsAndOffset;
    private final int ttl;
    private final int protocol;
    private final int checksum;
    private final boolean checksumValid;
    private final int source;
    private final int destination;

    private Ipv4Header(ByteBuffer packet, int base, int headerLength, int totalLength) {
        this.headerLength = headerLength;
        this.totalLength = totalLength;
        this.typeOfService = BigEndian.u8(packet, base + 1);
        this.identification = BigEndian.u16(packet, base + 4);
        this.flagsAndOffset = BigEndian.u16(packet, base + 6);
        this.ttl = BigEndian.u8(packet, base + 8);
        this.protocol = BigEndian.u8(packet, base + 9);
        this.checksum = BigEndian.u16(packet, base + 10);
        this.source = BigEndian.i32(packet, base + 12);
        this.destination = BigEndian.i32(packet, base + 16);
        this.checksumValid = InternetChecksum.checksum(packet, base, headerLength) == 0;
    }

    /**
     * Parses the IPv4 header at the packet's position.
     *
     * @param packet the packet (position..limit); not modified
     * @return the header; {@code UNSUPPORTED} for an IPv6 packet, {@code MALFORMED} for another
     *         version or impossible lengths, {@code TRUNCATED} when the header or the total
     *         length runs past the limit
     * @throws NullPointerException when {@code packet} is null
     */
    public static ParseResult<Ipv4Header> parse(ByteBuffer packet) {
        int version = IpHeader.version(packet);
        if (version == -1) {
            return ParseResult.truncated("empty packet");
        }
        if (version != 4) {
            return version == 6
                    ? ParseResult.unsupported("IPv6 packet, not IPv4")
                    : ParseResult.malformed("not an IP packet: version nibble " + version);
        }
        int base = packet.position();
        int available = packet.remaining();
        if (available < MIN_LENGTH) {
            return ParseResult.truncated("IPv4 header needs " + MIN_LENGTH + " bytes, " + available + " available");
        }
        int headerLength = (BigEndian.u8(packet, base) & 0x0F) * 4;
        if (headerLength < MIN_LENGTH) {
            return ParseResult.malformed("IPv4 header length " + headerLength + " < " + MIN_LENGTH);
        }
        if (headerLength > available) {
            return ParseResult.truncated("IPv4 header length " + headerLength + " > " + available + " bytes available");
        }
        int totalLength = BigEndian.u16(packet, base + 2);
        if (totalLength < headerLength) {
            return ParseResult.malformed("IPv4 total length " + totalLength + " < header length " + headerLength);
        }
        if (totalLength > available) {
            return ParseResult.truncated("IPv4 total length " + totalLength + " > " + available + " bytes available");
        }
        return ParseResult.valid(new Ipv4Header(packet, base, headerLength, totalLength));
    }

    /**
     * Writes a 20-byte header without options: version 4, IHL 5, TOS 0, identification 0, no
     * flags, the given fields, and its checksum. The caller has checked the bounds and values.
     */
    static void write(ByteBuffer target, int at, int totalLength, int ttl, int protocol, int source,
            int destination) {
        BigEndian.put8(target, at, 0x45);
        BigEndian.put8(target, at + 1, 0);
        BigEndian.put16(target, at + 2, totalLength);
        BigEndian.put32(target, at + 4, 0);
        BigEndian.put8(target, at + 8, ttl);
        BigEndian.put8(target, at + 9, protocol);
        BigEndian.put16(target, at + 10, 0);
        BigEndian.put32(target, at + 12, source);
        BigEndian.put32(target, at + 16, destination);
        BigEndian.put16(target, at + 10, InternetChecksum.checksum(target, at, MIN_LENGTH));
    }

    @Override
    public int version() {
        return 4;
    }

    /** {@return the type-of-service byte (DSCP and ECN)} */
    public int typeOfService() {
        return typeOfService;
    }

    @Override
    public int headerLength() {
        return headerLength;
    }

    @Override
    public int totalLength() {
        return totalLength;
    }

    /** {@return the identification field, 0..0xFFFF} */
    public int identification() {
        return identification;
    }

    /** {@return whether the don't-fragment flag is set} */
    public boolean dontFragment() {
        return (flagsAndOffset & FLAG_DONT_FRAGMENT) != 0;
    }

    /** {@return whether the more-fragments flag is set} */
    public boolean moreFragments() {
        return (flagsAndOffset & FLAG_MORE_FRAGMENTS) != 0;
    }

    /** {@return the fragment offset in bytes (the field counts units of 8)} */
    public int fragmentOffset() {
        return (flagsAndOffset & OFFSET_MASK) * 8;
    }

    @Override
    public boolean isFragment() {
        return moreFragments() || fragmentOffset() != 0;
    }

    /** {@return the time to live, 0..255} */
    public int ttl() {
        return ttl;
    }

    /** {@return the same as {@link #ttl()}} */
    @Override
    public int hopLimit() {
        return ttl;
    }

    @Override
    public int protocol() {
        return protocol;
    }

    /** {@return the same as {@link #protocol()}: IPv4 has no extension headers} */
    @Override
    public int transportProtocol() {
        return protocol;
    }

    /** {@return the same as {@link #headerLength()}} */
    @Override
    public int transportOffset() {
        return headerLength;
    }

    /** {@return the header checksum field as found, 0..0xFFFF} */
    public int checksum() {
        return checksum;
    }

    /** {@return whether the header checksum is correct (options included)} */
    public boolean isChecksumValid() {
        return checksumValid;
    }

    /** {@return the source address as a big-endian int (10.6.7.8 is {@code 0x0A060708})} */
    public int sourceAsInt() {
        return source;
    }

    /** {@return the destination address as a big-endian int} */
    public int destinationAsInt() {
        return destination;
    }

    @Override
    public Inet4Address source() {
        return AddressCodec.ipv4(source);
    }

    @Override
    public Inet4Address destination() {
        return AddressCodec.ipv4(destination);
    }

    @Override
    public String toString() {
        return "IPv4 " + AddressText.ipv4(source) + " -> " + AddressText.ipv4(destination)
                + " proto " + protocol + " ttl " + ttl + " len " + totalLength
                + (checksumValid ? "" : " bad-checksum") + (isFragment() ? " fragment" : "");
    }
}
