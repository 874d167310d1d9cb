// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Jazzer fuzz tests of every entry point of the packet helpers that reads untrusted bytes. Each input runs
 * through a heap and a direct buffer at a non-zero position; nothing may throw, the buffer must come back
 * unchanged, and an answer must be a packet the parsers accept. Without {@code JAZZER_FUZZ} (every build) the
 * inputs under {@code IpParsersFuzzTestInputs/<method>/} run as regression tests; with {@code JAZZER_FUZZ=1}
 * Jazzer mutates them for as long as {@code -Djazzer.max_duration} (see the README's testing section).
 */
class IpParsersFuzzTest {

    /** Wintun's largest packet, and the largest answer the responder may make. */
    private static final int MAX_PACKET = 0xFFFF;

    @FuzzTest(maxDuration = "30s")
    void parsers(byte[] input) {
        for (ByteBuffer packet : FuzzBuffers.placements(input)) {
            ByteOrder order = packet.order();
            ParseResult<IpHeader> ip = IpHeader.parse(packet);
            ParseResult<Ipv4Header> v4 = Ipv4Header.parse(packet);
            ParseResult<Ipv6Header> v6 = Ipv6Header.parse(packet);
            ParseResult<IcmpEcho> echo = IcmpEcho.parse(packet);
            ParseResult<UdpDatagram> udp = UdpDatagram.parse(packet);
            FuzzBuffers.requireUnchanged(input, packet, order);
            FuzzBuffers.require(ip.isValid() == (v4.isValid() || v6.isValid()), "IpHeader agrees with its versions");
            FuzzBuffers.require(!(v4.isValid() && v6.isValid()), "not both IPv4 and IPv6");
            FuzzBuffers.require(!echo.isValid() || ip.isValid(), "an echo is an IP packet");
            FuzzBuffers.require(!udp.isValid() || ip.isValid(), "a datagram is an IP packet");
            if (udp.isValid()) {
                UdpDatagram datagram = udp.value();
                FuzzBuffers.require(datagram.payloadOffset() + datagram.payloadLength() <= input.length,
                        "the payload lies inside the packet");
            }
            String description = PacketDescription.describe(PacketDescription.Direction.RECEIVED, packet);
            FuzzBuffers.require(description.startsWith("Received "), "a description of the example's kind");
            FuzzBuffers.requireUnchanged(input, packet, order);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void echoResponder(byte[] input) {
        for (ByteBuffer request : FuzzBuffers.placements(input)) {
            ByteOrder order = request.order();
            Optional<byte[]> icmp = EchoResponder.icmpReply(request);
            Optional<byte[]> udp = EchoResponder.udpReply(request);
            FuzzBuffers.requireUnchanged(input, request, order);
            icmp.ifPresent(reply -> requireAnswer(IcmpEcho.parse(ByteBuffer.wrap(reply)).isValid(), reply, "ICMP"));
            udp.ifPresent(reply -> requireAnswer(UdpDatagram.parse(ByteBuffer.wrap(reply)).isValid(), reply, "UDP"));

            ByteBuffer target = ByteBuffer.allocate(MAX_PACKET + 100);
            OptionalInt written = EchoResponder.writeIcmpReply(request, target);
            FuzzBuffers.require(written.isPresent() == icmp.isPresent(), "writeIcmpReply agrees with icmpReply");
            written.ifPresent(size -> FuzzBuffers.require(size == icmp.get().length, "the same ICMP answer"));
            OptionalInt writtenUdp = EchoResponder.writeUdpReply(request, target.clear());
            FuzzBuffers.require(writtenUdp.isPresent() == udp.isPresent(), "writeUdpReply agrees with udpReply");
            FuzzBuffers.requireUnchanged(input, request, order);
        }
    }

    private static void requireAnswer(boolean parses, byte[] reply, String kind) {
        FuzzBuffers.require(reply.length <= MAX_PACKET, kind + " answer of at most 65535 bytes, not " + reply.length);
        FuzzBuffers.require(parses, kind + " answer that parses");
    }
}
