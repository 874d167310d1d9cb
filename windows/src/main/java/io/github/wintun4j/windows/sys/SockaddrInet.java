// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * {@code SOCKADDR_INET} (ws2ipdef.h), 28 bytes: a union of {@code SOCKADDR_IN} and
 * {@code SOCKADDR_IN6} that starts with the family. Addresses are in network order. Writes into a
 * larger structure at an offset. Stateless; thread-safe.
 */
public final class SockaddrInet {

    /** sizeof(SOCKADDR_INET). */
    public static final int SIZE = 28;
    /** offsetof(SOCKADDR_INET, si_family). */
    public static final int FAMILY = 0;
    /** offsetof(SOCKADDR_IN, sin_addr). */
    public static final int IPV4_ADDRESS = 4;
    /** offsetof(SOCKADDR_IN6, sin6_addr). */
    public static final int IPV6_ADDRESS = 8;
    /** offsetof(SOCKADDR_IN6, sin6_scope_id). */
    public static final int IPV6_SCOPE_ID = 24;

    private SockaddrInet() {
    }

    /** Writes {@code address} (family, address; port, flow and scope 0) at {@code offset}. */
    public static void write(ByteBuffer target, int offset, InetAddress address) {
        for (int i = 0; i < SIZE; i++) {
            target.put(offset + i, (byte) 0);
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            target.putShort(offset + FAMILY, WindowsAbi.AF_INET);
            target.put(offset + IPV4_ADDRESS, bytes);
        } else if (address instanceof Inet6Address) {
            target.putShort(offset + FAMILY, WindowsAbi.AF_INET6);
            target.put(offset + IPV6_ADDRESS, bytes);
            target.putInt(offset + IPV6_SCOPE_ID, ((Inet6Address) address).getScopeId());
        } else {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
        }
    }
}
