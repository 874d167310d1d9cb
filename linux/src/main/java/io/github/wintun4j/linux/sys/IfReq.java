// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.sys;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A {@code struct ifreq} (net/if.h, 40 bytes on x86_64 and aarch64) in a direct buffer: the
 * interface name at 0 (16 bytes, NUL-padded), then a union at 16 holding the flags
 * ({@code short}), an address ({@code struct sockaddr_in}), the MTU or the interface index
 * ({@code int}). Not thread-safe: one request, one thread.
 */
public final class IfReq {

    /** {@code sizeof(struct ifreq)}. */
    public static final int SIZE = 40;
    private static final int UNION = 16;
    /** {@code sizeof(struct sockaddr_in)}: family, port, address, zero padding. */
    private static final int SOCKADDR_IN_SIZE = 16;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());

    /**
     * @param name an interface name (or an IPv4 alias label such as {@code "tun0:1"}) of at most
     *             15 bytes in UTF-8
     * @throws IllegalArgumentException when it is longer
     */
    public IfReq(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= LinuxAbi.IFNAMSIZ) {
            throw new IllegalArgumentException("interface name \"" + name + "\" is " + bytes.length
                    + " bytes long; Linux allows at most " + (LinuxAbi.IFNAMSIZ - 1));
        }
        buffer.put(0, bytes);
    }

    /** @return the structure, position 0, limit {@link #SIZE}, for {@code ioctl} */
    public ByteBuffer buffer() {
        return buffer.clear();
    }

    /** @return {@code ifr_flags} */
    public short flags() {
        return buffer.getShort(UNION);
    }

    /** @param flags the value of {@code ifr_flags} */
    public IfReq flags(short flags) {
        buffer.putShort(UNION, flags);
        return this;
    }

    /** @return {@code ifr_mtu} or {@code ifr_ifindex} (the same place) */
    public int intValue() {
        return buffer.getInt(UNION);
    }

    /** @param value the value of {@code ifr_mtu} or {@code ifr_ifindex} */
    public IfReq intValue(int value) {
        buffer.putInt(UNION, value);
        return this;
    }

    /**
     * Stores a {@code struct sockaddr_in} (family in host order, port 0, address in network order).
     *
     * @param address the address
     */
    public IfReq ipv4(Inet4Address address) {
        for (int i = 0; i < SOCKADDR_IN_SIZE; i++) {
            buffer.put(UNION + i, (byte) 0);
        }
        buffer.putShort(UNION, (short) LinuxAbi.AF_INET);
        buffer.put(UNION + 4, address.getAddress());
        return this;
    }

    /** @return the address of the {@code struct sockaddr_in} at 16, as the kernel filled it */
    public Inet4Address ipv4() {
        byte[] bytes = new byte[4];
        buffer.get(UNION + 4, bytes);
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes always make an IPv4 address", e);
        }
    }
}
