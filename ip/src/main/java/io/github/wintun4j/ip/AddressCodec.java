// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Conversions between raw address bytes and {@code InetAddress} objects, without name lookups.
 * Stateless, thread-safe.
 */
final class AddressCodec {

    private AddressCodec() {
    }

    static int toInt(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }

    static Inet4Address ipv4(int raw) {
        byte[] b = {(byte) (raw >>> 24), (byte) (raw >>> 16), (byte) (raw >>> 8), (byte) raw};
        try {
            // Four bytes always make an Inet4Address; no lookup happens.
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Always an {@code Inet6Address}: {@code InetAddress.getByAddress} would turn an IPv4-mapped
     * address ({@code ::ffff:a.b.c.d}) into an {@code Inet4Address}.
     */
    static Inet6Address ipv6(byte[] sixteen) {
        try {
            return Inet6Address.getByAddress(null, sixteen, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
