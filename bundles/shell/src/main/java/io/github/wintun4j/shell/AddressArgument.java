// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An address typed in the shell: an IPv4 or IPv6 literal, optionally with a prefix length
 * ({@code 10.9.0.1/24}, {@code fd00::1/64}). Only literals: never a host name, so never a DNS lookup.
 *
 * @param address      the address
 * @param prefixLength the prefix length, or -1 when none was given
 */
record AddressArgument(InetAddress address, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * @param text such as {@code 10.9.0.1/24} or {@code 10.9.0.2}
     * @return the address and prefix length
     * @throws IllegalArgumentException saying what is wrong
     */
    static AddressArgument parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String literal = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !IPV6.matcher(literal).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address, such as 10.9.0.1 or fd00::1");
        }
        InetAddress address;
        try {
            // IPv4 from its four numbers (InetAddress.getByName would look a bad literal such as
            // 10.6.7.300 up in DNS as a host name); IPv6 text with a colon is never looked up.
            address = v4 ? InetAddress.getByAddress(ipv4Bytes(text, literal)) : InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address: " + e.getMessage(), e);
        }
        int prefixLength = -1;
        if (slash >= 0) {
            int max = v4 ? 32 : 128;
            try {
                prefixLength = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefixLength = -2;
            }
            if (prefixLength < 0 || prefixLength > max) {
                throw new IllegalArgumentException("'" + text + "' needs a prefix length of 0.." + max + " after the /");
            }
        }
        return new AddressArgument(address, prefixLength);
    }

    private static byte[] ipv4Bytes(String text, String literal) {
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: " + value
                        + " is over 255 (each of the four numbers is 0..255)");
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
