// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.ip.EchoResponder;
import io.github.wintun4j.ip.IpHeader;
import io.github.wintun4j.ip.ParseResult;
import io.github.wintun4j.ip.UdpDatagram;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The common {@link MockResponder}s. Every answer is built by {@link EchoResponder}: addresses
 * (and ports) swapped, all checksums right; a packet a real host would ignore (bad checksum,
 * fragment, broadcast source, ...) is not handled.
 *
 * <p>The responders are stateless and thread-safe, and equal when they do the same thing, so
 * that {@code network.removeResponder(MockResponders.host())} removes the host responder every
 * new adapter starts with.
 */
public final class MockResponders {

    private MockResponders() {
    }

    /**
     * The machine's own IP stack, as Windows behaves in the Wintun example program: answers ICMP
     * and ICMPv6 echo requests addressed to one of the adapter's assigned addresses
     * ({@link io.github.wintun4j.Adapter#addAddress}), at the time the packet is sent. Every new
     * mock adapter starts with it attached.
     *
     * @return the shared host responder
     */
    public static MockResponder host() {
        return Host.INSTANCE;
    }

    /**
     * A remote host that answers ICMP and ICMPv6 echo requests to any address.
     *
     * @return the shared echo responder
     */
    public static MockResponder icmpEcho() {
        return IcmpEcho.INSTANCE;
    }

    /**
     * An RFC 862 echo service: UDP datagrams (IPv4 or IPv6) to {@code port} on any address come
     * back with addresses and ports swapped.
     *
     * @param port the UDP port, 1..65535, or 0 for every port
     * @return the responder
     * @throws IllegalArgumentException when the port is out of range
     */
    public static MockResponder udpEcho(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be in 0..65535 (0 = any), got " + port);
        }
        return new UdpEcho(port);
    }

    private static List<byte[]> listOf(Optional<byte[]> reply) {
        return reply.map(List::of).orElse(List.of());
    }

    /** See {@link #host()}. */
    private enum Host implements MockResponder {
        INSTANCE;

        @Override
        public List<byte[]> respond(ByteBuffer packet, MockNetwork network) {
            ParseResult<IpHeader> ip = IpHeader.parse(packet);
            if (!ip.isValid() || !network.assignedAddresses().contains(ip.value().destination())) {
                return List.of();
            }
            return listOf(EchoResponder.icmpReply(packet));
        }

        @Override
        public String toString() {
            return "MockResponders.host()";
        }
    }

    /** See {@link #icmpEcho()}. */
    private enum IcmpEcho implements MockResponder {
        INSTANCE;

        @Override
        public List<byte[]> respond(ByteBuffer packet, MockNetwork network) {
            return listOf(EchoResponder.icmpReply(packet));
        }

        @Override
        public String toString() {
            return "MockResponders.icmpEcho()";
        }
    }

    /** See {@link #udpEcho(int)}; a record so that two responders for one port are equal. */
    private record UdpEcho(int port) implements MockResponder {

        @Override
        public List<byte[]> respond(ByteBuffer packet, MockNetwork network) {
            if (port != 0) {
                Optional<UdpDatagram> udp = UdpDatagram.parse(packet).toOptional();
                if (udp.isEmpty() || udp.get().destinationPort() != port) {
                    return List.of();
                }
            }
            return listOf(EchoResponder.udpReply(packet));
        }

        @Override
        public String toString() {
            return "MockResponders.udpEcho(" + port + ")";
        }
    }
}
