// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The argument checks every backend applies before any native call, written once so that each
 * backend reports the same misuse with the same exception and message. Stateless; thread-safe.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * @param capacity a requested ring capacity
     * @return the capacity
     * @throws IllegalArgumentException unless a power of two in [MIN_RING_CAPACITY, MAX_RING_CAPACITY]
     */
    public static int requireRingCapacity(int capacity) {
        if (capacity < WintunConstants.MIN_RING_CAPACITY || capacity > WintunConstants.MAX_RING_CAPACITY
                || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException(String.format(
                    "ring capacity must be a power of two in [0x%x, 0x%x], got 0x%x (%d)",
                    WintunConstants.MIN_RING_CAPACITY, WintunConstants.MAX_RING_CAPACITY, capacity, capacity));
        }
        return capacity;
    }

    /**
     * @param size a requested packet size
     * @return the size
     * @throws IllegalArgumentException unless in 1..MAX_IP_PACKET_SIZE
     */
    public static int requirePacketSize(int size) {
        if (size < 1 || size > WintunConstants.MAX_IP_PACKET_SIZE) {
            throw new IllegalArgumentException("packet size must be in 1.." + WintunConstants.MAX_IP_PACKET_SIZE
                    + ", got " + size);
        }
        return size;
    }

    /**
     * Checks a name the way {@code WintunCreateAdapter} does.
     *
     * @param operation the operation, for the error
     * @param what      what the name is, such as {@code "adapter name"}
     * @param name      the name
     * @return the name
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when empty or holding NUL
     * @throws WintunException          {@code ERROR_BUFFER_OVERFLOW} when over 127 UTF-16 units
     */
    public static String requireName(String operation, String what, String name) {
        requireText(what, name);
        if (name.length() > WintunConstants.MAX_ADAPTER_NAME_LENGTH) {
            throw new WintunException(operation, WintunErrors.ERROR_BUFFER_OVERFLOW,
                    what + " is " + name.length() + " UTF-16 units long, the limit is "
                            + WintunConstants.MAX_ADAPTER_NAME_LENGTH);
        }
        return name;
    }

    /**
     * The longest tunnel type: {@code WintunCreateAdapter} ({@code api/adapter.c}) formats
     * {@code "<TunnelType> Tunnel"} into {@code WCHAR[MAX_ADAPTER_NAME + 8]} (MAX_ADAPTER_NAME = 128, with
     * {@code _TRUNCATE}: ERROR_BUFFER_OVERFLOW when it does not fit), so 128 + 7 units and the NUL fit.
     */
    public static final int MAX_TUNNEL_TYPE_LENGTH = 128;

    /**
     * Checks a tunnel type the way {@code WintunCreateAdapter} does.
     *
     * @param operation  the operation, for the error
     * @param tunnelType the tunnel type
     * @return the tunnel type
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when empty or holding NUL
     * @throws WintunException          {@code ERROR_BUFFER_OVERFLOW} when over 128 UTF-16 units
     */
    public static String requireTunnelType(String operation, String tunnelType) {
        String what = "tunnel type";
        requireText(what, tunnelType);
        if (tunnelType.length() > MAX_TUNNEL_TYPE_LENGTH) {
            throw new WintunException(operation, WintunErrors.ERROR_BUFFER_OVERFLOW,
                    what + " is " + tunnelType.length() + " UTF-16 units long, the limit is " + MAX_TUNNEL_TYPE_LENGTH
                            + " (\"<tunnel type> Tunnel\" must fit " + WintunConstants.MAX_ADAPTER_NAME_LENGTH + " + 8 units)");
        }
        return tunnelType;
    }

    /**
     * Checks a name to open: {@code WintunOpenAdapter} ({@code api/adapter.c}) checks no length, it compares
     * the name with each adapter's Wintun name ({@code _wcsicmp}), so a name over 127 units matches none and
     * the DLL answers {@code ERROR_NOT_FOUND}.
     *
     * @param what the name's role, such as {@code "adapter name"}
     * @param name the name
     * @return the name
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when empty or holding NUL
     */
    public static String requireNameToOpen(String what, String name) {
        requireText(what, name);
        return name;
    }

    private static void requireText(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain NUL: \"" + text.replace("\0", "\\0") + '"');
        }
    }

    /**
     * @param address      an address
     * @param prefixLength its prefix length
     * @throws NullPointerException     when the address is null
     * @throws IllegalArgumentException when the prefix length does not fit the address family
     */
    public static void requirePrefix(InetAddress address, int prefixLength) {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length of " + address.getHostAddress()
                    + " must be in 0.." + max + ", got " + prefixLength);
        }
    }

    /**
     * @param mtu a requested MTU
     * @return the MTU
     * @throws IllegalArgumentException unless in 576..65535
     */
    public static int requireMtu(int mtu) {
        if (mtu < 576 || mtu > 0xFFFF) {
            throw new IllegalArgumentException("MTU must be in 576..65535, got " + mtu);
        }
        return mtu;
    }

    /**
     * @param timeout a timeout
     * @param unit    its unit
     * @return the timeout in nanoseconds, saturated
     * @throws NullPointerException     when the unit is null
     * @throws IllegalArgumentException when negative
     */
    public static long requireTimeoutNanos(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout + " " + unit);
        }
        return unit.toNanos(timeout);
    }

    /**
     * @param packet a packet argument
     * @return the packet
     * @throws NullPointerException when null
     */
    public static Packet requirePacket(Packet packet) {
        return Objects.requireNonNull(packet, "packet");
    }

    /**
     * The arguments of an in-place receive ({@code receiveEach}).
     *
     * @param handler the handler
     * @param max     the most packets to take
     * @throws NullPointerException     when the handler is null
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public static void requireHandler(PacketHandler handler, int max) {
        Objects.requireNonNull(handler, "handler");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
    }
}
