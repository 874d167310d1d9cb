// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An ICMP echo request or reply (ping), over IPv4 (RFC 792, types 8 and 0) or IPv6 (ICMPv6,
 * RFC 4443, types 128 and 129), read from a packet.
 *
 * <p>The ICMP message is the whole IP payload. Parsing requires a valid IP header, the ICMP
 * protocol of that IP version (1 or 58), no fragmentation, the 8-byte echo header and an echo
 * type; everything else gives a non-valid {@link ParseResult}. Checksums are reported, not
 * enforced. The ICMPv6 checksum is checked against the IPv6 header's destination (a routing
 * header's final destination is not looked for).
 *
 * <p>The scalar fields are copied out; {@link #payload()} is a read-only view that shares the
 * parsed buffer's memory and so is only meaningful while that memory holds the packet.
 * Immutable, thread-safe.
 */
public final class IcmpEcho {

    /** ICMP (IPv4) echo reply type. */
    public static final int ECHO_REPLY = 0;
    /** ICMP (IPv4) echo request type. */
    public static final int ECHO_REQUEST = 8;
    /** ICMPv6 echo request type. */
    public static final int ECHO_REQUEST_V6 = 128;
    /** ICMPv6 echo reply type. */
    public static final int ECHO_REPLY_V6 = 129;
    /** The length of the echo header: type, code, checksum, identifier, sequence. */
    public static final int HEADER_LENGTH = 8;

    private final IpHeader ip;
    private final int type;
    private final int code;
    private final int checksum;
    private final int identifier;
    private final int sequence;
    private final boolean checksumValid;
    private final ByteBuffer payload;

    private IcmpEcho(IpHeader ip, ByteBuffer packet, int at, int length, boolean checksumValid) {
        this.ip = ip;
        this.type = BigEndian.u8(packet, at);
        this.code = BigEndian.u8(packet, at + 1);
        this.checksum = BigEndian.u16(packet, at + 2);
        this.identifier = BigEndian.u16(packet, at + 4);
        this.sequence = BigEndian.u16(packet, at + 6);
        this.checksumValid = checksumValid;
        this.payload = packet.slice(at + HEADER_LENGTH, length - HEADER_LENGTH).asReadOnlyBuffer();
    }

    /**
     * Parses an ICMP or ICMPv6 echo message.
     *
     * @param packet the IP packet (position..limit); not modified
     * @return the echo message, or why there is none ({@code UNSUPPORTED} for another protocol,
     *         another ICMP type or a fragment)
     * @throws NullPointerException when {@code packet} is null
     */
    public static ParseResult<IcmpEcho> parse(ByteBuffer packet) {
        ParseResult<IpHeader> located = TransportLocator.locate(packet, IpProtocol.ICMP, IpProtocol.ICMPV6,
                "ICMP echo", HEADER_LENGTH);
        if (!located.isValid()) {
            return located.failure();
        }
        IpHeader ip = located.value();
        int at = packet.position() + ip.transportOffset();
        int length = ip.transportLength();
        int type = BigEndian.u8(packet, at);
        boolean v4 = ip.version() == 4;
        boolean echo = v4 ? type == ECHO_REQUEST || type == ECHO_REPLY : type == ECHO_REQUEST_V6 || type == ECHO_REPLY_V6;
        if (!echo) {
            return ParseResult.unsupported((v4 ? "ICMP" : "ICMPv6") + " type " + type + " is not an echo request or reply");
        }
        int pseudo = v4 ? 0 : TransportLocator.pseudoHeaderSum(ip, IpProtocol.ICMPV6, length);
        boolean checksumValid = InternetChecksum.checksum(packet, at, length, pseudo) == 0;
        return ParseResult.valid(new IcmpEcho(ip, packet, at, length, checksumValid));
    }

    /** {@return the IP header the message came in} */
    public IpHeader ip() {
        return ip;
    }

    /** {@return the ICMP type: 8 or 0 over IPv4, 128 or 129 over IPv6} */
    public int type() {
        return type;
    }

    /** {@return the ICMP code (0 in a well-behaved echo message)} */
    public int code() {
        return code;
    }

    /** {@return whether this is an echo request (ICMP type 8, ICMPv6 type 128)} */
    public boolean isRequest() {
        return type == ECHO_REQUEST || type == ECHO_REQUEST_V6;
    }

    /** {@return whether this is an echo reply (ICMP type 0, ICMPv6 type 129)} */
    public boolean isReply() {
        return !isRequest();
    }

    /** {@return the checksum field as found, 0..0xFFFF} */
    public int checksum() {
        return checksum;
    }

    /** {@return whether the ICMP checksum is correct (for ICMPv6, with the IPv6 pseudo-header)} */
    public boolean isChecksumValid() {
        return checksumValid;
    }

    /** {@return the identifier, 0..0xFFFF} */
    public int identifier() {
        return identifier;
    }

    /** {@return the sequence number, 0..0xFFFF} */
    public int sequence() {
        return sequence;
    }

    /** {@return where the echo data starts, counted from the packet's first byte} */
    public int payloadOffset() {
        return ip.transportOffset() + HEADER_LENGTH;
    }

    /** {@return the number of echo data bytes} */
    public int payloadLength() {
        return payload.capacity();
    }

    /**
     * {@return a new read-only, big-endian view of the echo data (position 0, limit {@link #payloadLength()}), sharing the parsed buffer's memory}
     *
     */
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    /** {@return a copy of the echo data} */
    public byte[] payloadBytes() {
        return BigEndian.bytes(payload, 0, payload.capacity());
    }

    @Override
    public String toString() {
        return (ip.version() == 4 ? "ICMP" : "ICMPv6") + " echo " + (isRequest() ? "request" : "reply")
                + " id " + identifier + " seq " + sequence + " " + payload.capacity() + " data bytes"
                + (checksumValid ? "" : " bad-checksum") + " in " + ip;
    }
}
