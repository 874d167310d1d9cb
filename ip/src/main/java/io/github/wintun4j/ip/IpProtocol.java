// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

/**
 * IP protocol numbers used by this package: the IPv4 protocol field and the IPv6 next-header
 * field share one registry.
 *
 * <p>Source: IANA "Assigned Internet Protocol Numbers". Constants only; thread-safe.
 */
public final class IpProtocol {

    /** IPv6 Hop-by-Hop Options extension header (RFC 8200). */
    public static final int HOP_BY_HOP = 0;
    /** ICMP for IPv4 (RFC 792). */
    public static final int ICMP = 1;
    /** TCP (RFC 9293). */
    public static final int TCP = 6;
    /** UDP (RFC 768). */
    public static final int UDP = 17;
    /** IPv6 Routing extension header (RFC 8200). */
    public static final int ROUTING = 43;
    /** IPv6 Fragment extension header (RFC 8200). */
    public static final int FRAGMENT = 44;
    /** ICMP for IPv6 (RFC 4443). */
    public static final int ICMPV6 = 58;
    /** IPv6 "no next header" (RFC 8200). */
    public static final int NO_NEXT_HEADER = 59;
    /** IPv6 Destination Options extension header (RFC 8200). */
    public static final int DESTINATION_OPTIONS = 60;

    private IpProtocol() {
    }
}
