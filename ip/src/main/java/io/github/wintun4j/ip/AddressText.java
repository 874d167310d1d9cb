// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Addresses as text, the way {@code RtlIpv4AddressToString} / {@code RtlIpv6AddressToString}
 * and {@code inet_ntop} print them: dotted decimal for IPv4, the RFC 5952 canonical form for
 * IPv6 (lowercase, no leading zeros, the longest run of two or more zero groups shortened to
 * {@code ::}, the first such run on a tie, IPv4-mapped addresses as {@code ::ffff:a.b.c.d}).
 *
 * <p>Unlike {@link InetAddress#toString()} there is no host name part, and unlike
 * {@link Inet6Address#getHostAddress()} no long form and no scope suffix. Stateless,
 * thread-safe.
 */
public final class AddressText {

    private AddressText() {
    }

    /**
     * {@return its text form, e.g. {@code 10.6.7.7} or {@code fd00::1}}
     *
     * @param address an IPv4 or IPv6 address
     * @throws NullPointerException when {@code address} is null
     */
    public static String format(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof Inet4Address) {
            return ipv4(AddressCodec.toInt((Inet4Address) address));
        }
        return ipv6(address.getAddress());
    }

    /**
     * {@return the dotted decimal form}
     *
     * @param address an IPv4 address as a big-endian int ({@code 0x0A060707} is 10.6.7.7)
     */
    public static String ipv4(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    static String ipv6(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (a[2 * i] & 0xFF) << 8 | a[2 * i + 1] & 0xFF;
        }
        if (isIpv4Mapped(groups)) {
            return "::ffff:" + ipv4(groups[6] << 16 | groups[7]);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is never shortened
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[5] == 0xFFFF;
    }
}
