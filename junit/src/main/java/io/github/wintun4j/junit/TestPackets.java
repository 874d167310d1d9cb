// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.ip.IcmpEcho;
import io.github.wintun4j.ip.ParseResult;
import io.github.wintun4j.ip.UdpDatagram;
import io.github.wintun4j.ip.UdpPacketBuilder;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The packets tests use most, built with correct checksums by the {@code ip} builders, and read
 * back with a clear failure when a packet is not what a test expects. Addresses are IP literals
 * ({@code "10.6.7.8"}, {@code "fd00::8"}), never host names, so nothing is looked up.
 *
 * <p>Stateless; thread-safe.
 */
public final class TestPackets {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    private TestPackets() {
    }

    /**
     * @param from     the source address
     * @param to       the destination address
     * @param sequence the echo sequence number, 0..65535
     * @return an ICMP (IPv4) or ICMPv6 echo request
     * @throws IllegalArgumentException when an address is not an IP literal, or the two differ in version
     */
    public static byte[] echoRequest(String from, String to, int sequence) {
        return EchoPacketBuilder.request().source(address(from)).destination(address(to)).sequence(sequence)
                .toByteArray();
    }

    /**
     * @param from     the source address and port
     * @param fromPort its port, 1..65535
     * @param to       the destination address
     * @param toPort   its port, 1..65535
     * @param payload  the datagram's data
     * @return a UDP datagram over IPv4 or IPv6
     * @throws IllegalArgumentException when an address is not an IP literal, or a port is out of range
     */
    public static byte[] udp(String from, int fromPort, String to, int toPort, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return UdpPacketBuilder.datagram().source(address(from), fromPort).destination(address(to), toPort)
                .payload(payload).toByteArray();
    }

    /**
     * @param packet a packet, such as one from {@link TestNetwork#takeSent}
     * @return it read as an ICMP echo
     * @throws AssertionError when it is not a valid ICMP echo (the reason says why)
     */
    public static IcmpEcho echo(byte[] packet) {
        return valid("an ICMP echo", IcmpEcho.parse(ByteBuffer.wrap(Objects.requireNonNull(packet, "packet"))));
    }

    /**
     * @param packet a packet, such as one from {@link TestNetwork#takeSent}
     * @return it read as a UDP datagram
     * @throws AssertionError when it is not a valid UDP datagram (the reason says why)
     */
    public static UdpDatagram udp(byte[] packet) {
        return valid("a UDP datagram", UdpDatagram.parse(ByteBuffer.wrap(Objects.requireNonNull(packet, "packet"))));
    }

    /**
     * @param literal an IPv4 or IPv6 literal
     * @return the address
     * @throws IllegalArgumentException when it is not an IP literal
     */
    public static InetAddress address(String literal) {
        Objects.requireNonNull(literal, "literal");
        if (!LITERAL.matcher(literal).matches()) {
            throw new IllegalArgumentException("not an IP literal (host names are not looked up): " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }

    private static <T> T valid(String what, ParseResult<T> result) {
        if (!result.isValid()) {
            throw new AssertionError("expected " + what + ": " + result.reason());
        }
        return result.value();
    }
}
