// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Builds an ICMP echo request or reply: ICMP over IPv4 when the addresses are
 * {@code Inet4Address}es, ICMPv6 over IPv6 when they are {@code Inet6Address}es.
 *
 * <p>The IPv4 header is the 20-byte form (first byte 0x45, identification and flags 0, protocol
 * 1, correct header checksum); the IPv6 header has traffic class and flow label 0 and next header
 * 58. The ICMP checksum is correct, for ICMPv6 over the IPv6 pseudo-header. The TTL / hop limit
 * defaults to {@value #DEFAULT_HOP_LIMIT}, as in the Wintun example.
 * <pre>{@code
 * byte[] ping = EchoPacketBuilder.request()
 *         .source(InetAddress.getByName("10.6.7.8"))
 *         .destination(InetAddress.getByName("10.6.7.7"))
 *         .identifier(1).sequence(seq)
 *         .toByteArray();   // the 28-byte packet of example.c
 * }</pre>
 *
 * <p>Not thread-safe: a builder is meant for one thread. The built bytes do not depend on the
 * builder afterwards, and a builder may be reused (changing, say, only the sequence).
 */
public final class EchoPacketBuilder {

    /** The default TTL / hop limit. */
    public static final int DEFAULT_HOP_LIMIT = 255;

    private static final byte[] NO_DATA = new byte[0];

    private final boolean request;
    private InetAddress source;
    private InetAddress destination;
    private int identifier;
    private int sequence;
    private int hopLimit = DEFAULT_HOP_LIMIT;
    private byte[] payload = NO_DATA;

    private EchoPacketBuilder(boolean request) {
        this.request = request;
    }

    /** {@return a builder of echo requests (ICMP type 8, ICMPv6 type 128)} */
    public static EchoPacketBuilder request() {
        return new EchoPacketBuilder(true);
    }

    /** {@return a builder of echo replies (ICMP type 0, ICMPv6 type 129)} */
    public static EchoPacketBuilder reply() {
        return new EchoPacketBuilder(false);
    }

    /**
     * {@return this builder}
     *
     * @param address the source address; its family picks ICMP or ICMPv6
     * @throws NullPointerException when {@code address} is null
     */
    public EchoPacketBuilder source(InetAddress address) {
        this.source = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param address the destination address, of the same family as the source
     * @throws NullPointerException when {@code address} is null
     */
    public EchoPacketBuilder destination(InetAddress address) {
        this.destination = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param identifier the echo identifier, 0..0xFFFF (default 0)
     * @throws IllegalArgumentException when out of range
     */
    public EchoPacketBuilder identifier(int identifier) {
        this.identifier = IpFrame.requireRange(identifier, 0xFFFF, "identifier");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param sequence the echo sequence number, 0..0xFFFF (default 0)
     * @throws IllegalArgumentException when out of range
     */
    public EchoPacketBuilder sequence(int sequence) {
        this.sequence = IpFrame.requireRange(sequence, 0xFFFF, "sequence");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param hopLimit the IPv4 TTL or IPv6 hop limit, 0..255 (default {@value #DEFAULT_HOP_LIMIT})
     * @throws IllegalArgumentException when out of range
     */
    public EchoPacketBuilder hopLimit(int hopLimit) {
        this.hopLimit = IpFrame.requireHopLimit(hopLimit);
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param data the echo data, copied (default none)
     * @throws NullPointerException when {@code data} is null
     */
    public EchoPacketBuilder payload(byte[] data) {
        this.payload = Objects.requireNonNull(data, "data").clone();
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param data the echo data: its remaining bytes are copied; its position does not change
     * @throws NullPointerException when {@code data} is null
     */
    public EchoPacketBuilder payload(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        this.payload = BigEndian.bytes(data, data.position(), data.remaining());
        return this;
    }

    /**
     * {@return the length of the packet as configured now}
     *
     * @throws IllegalStateException when an address is missing, the families differ, or the packet would exceed 65535 bytes
     */
    public int length() {
        return frame().packetLength(IcmpEcho.HEADER_LENGTH + payload.length);
    }

    /**
     * Writes the packet at the target's position. The target's position, limit and byte order
     * do not change; advance the position by the returned count if wanted.
     *
     * @param target where to write; at least {@link #length()} bytes must remain
     * @return the number of bytes written, {@link #length()}
     * @throws NullPointerException when {@code target} is null
     * @throws IllegalArgumentException when fewer than {@link #length()} bytes remain (nothing is written)
     * @throws java.nio.ReadOnlyBufferException when the target is read-only
     * @throws IllegalStateException when an address is missing or the families differ
     */
    public int writeTo(ByteBuffer target) {
        Objects.requireNonNull(target, "target");
        IpFrame frame = frame();
        int icmpLength = IcmpEcho.HEADER_LENGTH + payload.length;
        int length = frame.packetLength(icmpLength);
        IpFrame.requireRoom(target, length);
        int at = target.position();
        boolean v4 = frame.isIpv4();
        int protocol = v4 ? IpProtocol.ICMP : IpProtocol.ICMPV6;
        frame.writeHeader(target, at, protocol, icmpLength);
        int icmp = at + frame.headerLength();
        int type = v4 ? (request ? IcmpEcho.ECHO_REQUEST : IcmpEcho.ECHO_REPLY)
                : (request ? IcmpEcho.ECHO_REQUEST_V6 : IcmpEcho.ECHO_REPLY_V6);
        BigEndian.put8(target, icmp, type);
        BigEndian.put8(target, icmp + 1, 0);
        BigEndian.put16(target, icmp + 2, 0);
        BigEndian.put16(target, icmp + 4, identifier);
        BigEndian.put16(target, icmp + 6, sequence);
        target.put(icmp + IcmpEcho.HEADER_LENGTH, payload);
        int pseudo = v4 ? 0 : frame.pseudoHeaderSum(protocol, icmpLength);
        BigEndian.put16(target, icmp + 2, InternetChecksum.checksum(target, icmp, icmpLength, pseudo));
        return length;
    }

    /**
     * {@return the packet in a new array of {@link #length()} bytes}
     *
     * @throws IllegalStateException when an address is missing, the families differ, or the packet would exceed 65535 bytes
     */
    public byte[] toByteArray() {
        byte[] packet = new byte[length()];
        writeTo(ByteBuffer.wrap(packet));
        return packet;
    }

    private IpFrame frame() {
        return IpFrame.of(source, destination, hopLimit);
    }
}
