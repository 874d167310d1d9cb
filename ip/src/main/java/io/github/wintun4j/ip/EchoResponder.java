// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Answers packets the way a host on the other side of a tunnel would: an ICMP / ICMPv6 echo
 * request gets its echo reply, and a UDP datagram is echoed back (an RFC 862 echo service).
 *
 * <p>A packet is answered only when a real host would answer it: a valid IP header (with a
 * correct IPv4 header checksum), not a fragment, a correct ICMP or UDP checksum (a UDP datagram
 * over IPv4 may have none), a unicast source (not unspecified, multicast or 255.255.255.255),
 * a unicast destination (the reply's source), and for UDP a non-zero source port. An answer
 * must also fit Wintun's largest packet, 65535 bytes: an IPv6 request whose payload is over
 * 65495 bytes is a valid packet (its payload length field counts without the 40-byte header),
 * but its answer would be 65536 to 65575 bytes long, so it gets none. Anything else, however
 * malformed, gives an empty result; bad input never throws.
 *
 * <p>The answer is a fresh packet: addresses (and ports) swapped, TTL / hop limit
 * {@value #REPLY_HOP_LIMIT} (the Linux default), IPv4 header without options, ICMP code 0,
 * the same identifier, sequence and data, all checksums computed anew.
 *
 * <p>Stateless, thread-safe. The {@code write...} forms may write into the very buffer that
 * holds the request: the request is read in full first.
 */
public final class EchoResponder {

    /** The TTL / hop limit of every answer. */
    public static final int REPLY_HOP_LIMIT = 64;

    private EchoResponder() {
    }

    /**
     * {@return the echo reply to it, or empty when it is not an echo request a host would answer}
     *
     * @param request a received IP packet (position..limit); not modified
     * @throws NullPointerException when {@code request} is null
     */
    public static Optional<byte[]> icmpReply(ByteBuffer request) {
        return icmpReplyBuilder(request).map(EchoPacketBuilder::toByteArray);
    }

    /**
     * Writes the echo reply at the target's position (which, like its limit, does not change).
     *
     * @param request a received IP packet (position..limit); not modified unless it is also the target
     * @param target where to write the reply; 65535 remaining bytes are always enough
     * @return the reply's length, or empty (nothing written) when there is nothing to answer
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when there is a reply and the target has too little room (nothing is written)
     * @throws java.nio.ReadOnlyBufferException when there is a reply and the target is read-only
     */
    public static OptionalInt writeIcmpReply(ByteBuffer request, ByteBuffer target) {
        Objects.requireNonNull(target, "target");
        Optional<EchoPacketBuilder> reply = icmpReplyBuilder(request);
        return reply.isPresent() ? OptionalInt.of(reply.get().writeTo(target)) : OptionalInt.empty();
    }

    /**
     * {@return the datagram echoed back, or empty when it is not a UDP datagram a host would echo}
     *
     * @param datagram a received IP packet (position..limit); not modified
     * @throws NullPointerException when {@code datagram} is null
     */
    public static Optional<byte[]> udpReply(ByteBuffer datagram) {
        return udpReplyBuilder(datagram).map(UdpPacketBuilder::toByteArray);
    }

    /**
     * Writes the echoed datagram at the target's position (which, like its limit, does not change).
     *
     * @param datagram a received IP packet (position..limit); not modified unless it is also the target
     * @param target where to write the answer; 65535 remaining bytes are always enough
     * @return the answer's length, or empty (nothing written) when there is nothing to answer
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when there is an answer and the target has too little room (nothing is written)
     * @throws java.nio.ReadOnlyBufferException when there is an answer and the target is read-only
     */
    public static OptionalInt writeUdpReply(ByteBuffer datagram, ByteBuffer target) {
        Objects.requireNonNull(target, "target");
        Optional<UdpPacketBuilder> reply = udpReplyBuilder(datagram);
        return reply.isPresent() ? OptionalInt.of(reply.get().writeTo(target)) : OptionalInt.empty();
    }

    private static Optional<EchoPacketBuilder> icmpReplyBuilder(ByteBuffer request) {
        Objects.requireNonNull(request, "request");
        Optional<IcmpEcho> parsed = IcmpEcho.parse(request).toOptional();
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        IcmpEcho echo = parsed.get();
        if (!echo.isRequest() || !echo.isChecksumValid() || !answerable(echo.ip())
                || !fits(echo.ip(), IcmpEcho.HEADER_LENGTH + echo.payload().remaining())) {
            return Optional.empty();
        }
        return Optional.of(EchoPacketBuilder.reply()
                .source(echo.ip().destination())
                .destination(echo.ip().source())
                .identifier(echo.identifier())
                .sequence(echo.sequence())
                .hopLimit(REPLY_HOP_LIMIT)
                .payload(echo.payload()));
    }

    private static Optional<UdpPacketBuilder> udpReplyBuilder(ByteBuffer datagram) {
        Objects.requireNonNull(datagram, "datagram");
        Optional<UdpDatagram> parsed = UdpDatagram.parse(datagram).toOptional();
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        UdpDatagram udp = parsed.get();
        if (!udp.isChecksumValid() || udp.sourcePort() == 0 || !answerable(udp.ip())
                || !fits(udp.ip(), UdpDatagram.HEADER_LENGTH + udp.payload().remaining())) {
            return Optional.empty();
        }
        return Optional.of(UdpPacketBuilder.datagram()
                .source(udp.ip().destination(), udp.destinationPort())
                .destination(udp.ip().source(), udp.sourcePort())
                .hopLimit(REPLY_HOP_LIMIT)
                .payload(udp.payload()));
    }

    /** Whether the answer, with an option-less header of the request's IP version, fits 65535 bytes. */
    private static boolean fits(IpHeader request, int transportLength) {
        int header = request instanceof Ipv4Header ? Ipv4Header.MIN_LENGTH : Ipv6Header.LENGTH;
        return header + transportLength <= IpFrame.MAX_PACKET_LENGTH;
    }

    private static boolean answerable(IpHeader ip) {
        if (ip instanceof Ipv4Header && !((Ipv4Header) ip).isChecksumValid()) {
            return false;
        }
        return isUnicast(ip.source()) && isUnicast(ip.destination());
    }

    private static boolean isUnicast(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        return !(address instanceof Inet4Address) || AddressCodec.toInt((Inet4Address) address) != -1;
    }
}
