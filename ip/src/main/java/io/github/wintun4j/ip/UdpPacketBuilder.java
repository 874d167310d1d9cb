// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Builds a UDP datagram over IPv4 (when the addresses are {@code Inet4Address}es) or IPv6
 * (when they are {@code Inet6Address}es), with a correct UDP checksum over the pseudo-header
 * (a computed 0 is sent as 0xFFFF, RFC 768).
 *
 * <p>The IPv4 header is the 20-byte form (0x45, identification and flags 0, protocol 17,
 * correct header checksum); the IPv6 header has traffic class and flow label 0 and next header
 * 17. The TTL / hop limit defaults to {@value #DEFAULT_HOP_LIMIT}.
 * <pre>{@code
 * byte[] datagram = UdpPacketBuilder.datagram()
 *         .source(InetAddress.getByName("10.6.7.8"), 40000)
 *         .destination(InetAddress.getByName("10.6.7.7"), 7)
 *         .payload("hello".getBytes(StandardCharsets.US_ASCII))
 *         .toByteArray();
 * }</pre>
 *
 * <p>Not thread-safe: a builder is meant for one thread. The built bytes do not depend on the
 * builder afterwards, and a builder may be reused.
 */
public final class UdpPacketBuilder {

    /** The default TTL / hop limit. */
    public static final int DEFAULT_HOP_LIMIT = 255;

    private static final byte[] NO_DATA = new byte[0];

    private InetAddress source;
    private int sourcePort;
    private InetAddress destination;
    private int destinationPort;
    private int hopLimit = DEFAULT_HOP_LIMIT;
    private byte[] payload = NO_DATA;

    private UdpPacketBuilder() {
    }

    /**
     * Named after what it builds, as {@link EchoPacketBuilder#request()} and
     * {@link EchoPacketBuilder#reply()} are.
     *
     * @return a new builder of datagrams: no addresses, ports 0, hop limit {@value #DEFAULT_HOP_LIMIT}, no data
     */
    public static UdpPacketBuilder datagram() {
        return new UdpPacketBuilder();
    }

    /**
     * {@return this builder}
     *
     * @param address the source address; its family picks IPv4 or IPv6
     * @param port the source port, 0..0xFFFF
     * @throws NullPointerException when {@code address} is null
     * @throws IllegalArgumentException when the port is out of range
     */
    public UdpPacketBuilder source(InetAddress address, int port) {
        Objects.requireNonNull(address, "address");
        this.sourcePort = IpFrame.requireRange(port, 0xFFFF, "port");
        this.source = address;
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param address the destination address, of the same family as the source
     * @param port the destination port, 0..0xFFFF
     * @throws NullPointerException when {@code address} is null
     * @throws IllegalArgumentException when the port is out of range
     */
    public UdpPacketBuilder destination(InetAddress address, int port) {
        Objects.requireNonNull(address, "address");
        this.destinationPort = IpFrame.requireRange(port, 0xFFFF, "port");
        this.destination = address;
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param hopLimit the IPv4 TTL or IPv6 hop limit, 0..255 (default {@value #DEFAULT_HOP_LIMIT})
     * @throws IllegalArgumentException when out of range
     */
    public UdpPacketBuilder hopLimit(int hopLimit) {
        this.hopLimit = IpFrame.requireHopLimit(hopLimit);
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param data the datagram's data, copied (default none)
     * @throws NullPointerException when {@code data} is null
     */
    public UdpPacketBuilder payload(byte[] data) {
        this.payload = Objects.requireNonNull(data, "data").clone();
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param data the datagram's data: its remaining bytes are copied; its position does not change
     * @throws NullPointerException when {@code data} is null
     */
    public UdpPacketBuilder payload(ByteBuffer data) {
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
        return frame().packetLength(UdpDatagram.HEADER_LENGTH + payload.length);
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
        int udpLength = UdpDatagram.HEADER_LENGTH + payload.length;
        int length = frame.packetLength(udpLength);
        IpFrame.requireRoom(target, length);
        int at = target.position();
        frame.writeHeader(target, at, IpProtocol.UDP, udpLength);
        int udp = at + frame.headerLength();
        BigEndian.put16(target, udp, sourcePort);
        BigEndian.put16(target, udp + 2, destinationPort);
        BigEndian.put16(target, udp + 4, udpLength);
        BigEndian.put16(target, udp + 6, 0);
        target.put(udp + UdpDatagram.HEADER_LENGTH, payload);
        int checksum = InternetChecksum.checksum(target, udp, udpLength, frame.pseudoHeaderSum(IpProtocol.UDP, udpLength));
        // RFC 768: a computed zero is sent as all ones; zero means "no checksum".
        BigEndian.put16(target, udp + 6, checksum == 0 ? 0xFFFF : checksum);
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
