// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A UDP datagram (RFC 768) over IPv4 or IPv6, read from a packet.
 *
 * <p>Parsing requires a valid IP header, protocol 17, no fragmentation, the 8-byte UDP header,
 * and a UDP length of at least 8 that fits in the IP payload (bytes after it are ignored).
 * The checksum is reported, not enforced: over IPv4 a zero checksum means "none" and counts as
 * valid; over IPv6 a checksum is mandatory (RFC 8200 section 8.1) and zero counts as invalid.
 *
 * <p>The scalar fields are copied out; {@link #payload()} is a read-only view that shares the
 * parsed buffer's memory. Immutable, thread-safe.
 */
public final class UdpDatagram {

    /** The length of the UDP header. */
    public static final int HEADER_LENGTH = 8;

    private final IpHeader ip;
    private final int sourcePort;
    private final int destinationPort;
    private final int length;
    private final int checksum;
    private final boolean checksumValid;
    private final ByteBuffer payload;

    private UdpDatagram(IpHeader ip, ByteBuffer packet, int at, int length, boolean checksumValid) {
        this.ip = ip;
        this.sourcePort = BigEndian.u16(packet, at);
        this.destinationPort = BigEndian.u16(packet, at + 2);
        this.length = length;
        this.checksum = BigEndian.u16(packet, at + 6);
        this.checksumValid = checksumValid;
        this.payload = packet.slice(at + HEADER_LENGTH, length - HEADER_LENGTH).asReadOnlyBuffer();
    }

    /**
     * Parses a UDP datagram.
     *
     * @param packet the IP packet (position..limit); not modified
     * @return the datagram, or why there is none ({@code UNSUPPORTED} for another protocol or a
     *         fragment, {@code MALFORMED} for a UDP length below 8, {@code TRUNCATED} for one
     *         beyond the IP payload)
     * @throws NullPointerException when {@code packet} is null
     */
    public static ParseResult<UdpDatagram> parse(ByteBuffer packet) {
        ParseResult<IpHeader> located = TransportLocator.locate(packet, IpProtocol.UDP, IpProtocol.UDP, "UDP",
                HEADER_LENGTH);
        if (!located.isValid()) {
            return located.failure();
        }
        IpHeader ip = located.value();
        int at = packet.position() + ip.transportOffset();
        int length = BigEndian.u16(packet, at + 4);
        if (length < HEADER_LENGTH) {
            return ParseResult.malformed("UDP length " + length + " < " + HEADER_LENGTH);
        }
        if (length > ip.transportLength()) {
            return ParseResult.truncated("UDP length " + length + " > " + ip.transportLength()
                    + " bytes in the IP payload");
        }
        int checksum = BigEndian.u16(packet, at + 6);
        boolean valid;
        if (checksum == 0) {
            valid = ip.version() == 4;
        } else {
            int pseudo = TransportLocator.pseudoHeaderSum(ip, IpProtocol.UDP, length);
            valid = InternetChecksum.checksum(packet, at, length, pseudo) == 0;
        }
        return ParseResult.valid(new UdpDatagram(ip, packet, at, length, valid));
    }

    /** {@return the IP header the datagram came in} */
    public IpHeader ip() {
        return ip;
    }

    /** {@return the source port, 0..0xFFFF} */
    public int sourcePort() {
        return sourcePort;
    }

    /** {@return the destination port, 0..0xFFFF} */
    public int destinationPort() {
        return destinationPort;
    }

    /** {@return the UDP length field: header and data, 8..0xFFFF, never more than the IP payload} */
    public int length() {
        return length;
    }

    /** {@return the checksum field as found; 0 means "no checksum" over IPv4} */
    public int checksum() {
        return checksum;
    }

    /** {@return whether the checksum field is non-zero} */
    public boolean hasChecksum() {
        return checksum != 0;
    }

    /** {@return whether the checksum is correct, or absent over IPv4} */
    public boolean isChecksumValid() {
        return checksumValid;
    }

    /** {@return where the UDP data starts, counted from the packet's first byte} */
    public int payloadOffset() {
        return ip.transportOffset() + HEADER_LENGTH;
    }

    /** {@return the number of data bytes: {@code length() - 8}} */
    public int payloadLength() {
        return length - HEADER_LENGTH;
    }

    /**
     * {@return a new read-only, big-endian view of the data (position 0, limit {@link #payloadLength()}), sharing the parsed buffer's memory}
     *
     */
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    /** {@return a copy of the data} */
    public byte[] payloadBytes() {
        return BigEndian.bytes(payload, 0, payload.capacity());
    }

    @Override
    public String toString() {
        return "UDP " + sourcePort + " -> " + destinationPort + " " + payloadLength() + " data bytes"
                + (checksumValid ? "" : " bad-checksum") + " in " + ip;
    }
}
