// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.nio.ByteBuffer;

/**
 * Finds the transport header of one protocol inside an IP packet: the shared first step of
 * {@link IcmpEcho#parse} and {@link UdpDatagram#parse}. Stateless, thread-safe.
 */
final class TransportLocator {

    private TransportLocator() {
    }

    /**
     * {@return the IP header when the packet is a valid IP packet, not a fragment, whose transport protocol is {@code ipv4Protocol} (IPv4) or {@code ipv6Protocol} (IPv6) and whose transport part holds at least {@code minLength} bytes}
     *
     */
    static ParseResult<IpHeader> locate(ByteBuffer packet, int ipv4Protocol, int ipv6Protocol, String name,
            int minLength) {
        ParseResult<IpHeader> parsed = IpHeader.parse(packet);
        if (!parsed.isValid()) {
            return parsed;
        }
        IpHeader ip = parsed.value();
        if (ip.isFragment()) {
            return ParseResult.unsupported("IPv" + ip.version() + " fragment; " + name + " needs the whole datagram");
        }
        int wanted = ip.version() == 4 ? ipv4Protocol : ipv6Protocol;
        if (ip.transportProtocol() != wanted) {
            return ParseResult.unsupported("IPv" + ip.version() + " protocol " + ip.transportProtocol()
                    + ", not " + name + " (" + wanted + ")");
        }
        if (ip.transportLength() < minLength) {
            return ParseResult.truncated(name + " header needs " + minLength + " bytes, "
                    + ip.transportLength() + " in the IP payload");
        }
        return parsed;
    }

    /** The pseudo-header sum for a transport checksum, for either IP version. */
    static int pseudoHeaderSum(IpHeader ip, int protocol, int length) {
        if (ip instanceof Ipv4Header) {
            Ipv4Header v4 = (Ipv4Header) ip;
            return InternetChecksum.ipv4PseudoHeaderSum(v4.sourceAsInt(), v4.destinationAsInt(), protocol, length);
        }
        Ipv6Header v6 = (Ipv6Header) ip;
        return InternetChecksum.ipv6PseudoHeaderSum(v6.sourceBytes(), v6.destinationBytes(), protocol, length);
    }
}
