// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.sys;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@code struct in6_ifreq} (linux/ipv6.h, 24 bytes; glibc does not declare it) in a direct
 * buffer: {@code struct in6_addr ifr6_addr} at 0, {@code __u32 ifr6_prefixlen} at 16,
 * {@code int ifr6_ifindex} at 20. Used with SIOCSIFADDR / SIOCDIFADDR on an AF_INET6 socket.
 * Not thread-safe.
 */
public final class In6IfReq {

    /** {@code sizeof(struct in6_ifreq)}. */
    public static final int SIZE = 24;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());

    /**
     * @param address      the address
     * @param prefixLength its prefix length, 0..128
     * @param ifindex      the interface index
     */
    public In6IfReq(Inet6Address address, int prefixLength, int ifindex) {
        buffer.put(0, address.getAddress());
        buffer.putInt(16, prefixLength);
        buffer.putInt(20, ifindex);
    }

    /** @return the structure, position 0, limit {@link #SIZE}, for {@code ioctl} */
    public ByteBuffer buffer() {
        return buffer.clear();
    }
}
