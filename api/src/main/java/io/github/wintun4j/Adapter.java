// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.osgi.annotation.versioning.ProviderType;

import java.net.InetAddress;
import java.util.UUID;

/**
 * A Wintun adapter: a layer-3 network interface owned by this process, created with
 * {@link WintunDriver#createAdapter(String, String, UUID)} or opened with
 * {@link WintunDriver#openAdapter(String)}.
 *
 * <p>As the Wintun README puts it: create the adapter, configure it (addresses, MTU), then start
 * a session to move packets.
 *
 * <p>Threading: every method is thread-safe.
 *
 * <p>After close: {@link #close()} ends the session started through this object, if any, then
 * removes a created adapter or only lets go of an opened one. Afterwards the accessors ({@link #name()},
 * {@link #tunnelType()}, {@link #guid()}, {@link #luid()}, {@link #isOpen()}) still answer and
 * every other method throws {@link IllegalStateException}.
 */
@ProviderType
public interface Adapter extends AutoCloseable {

    /**
     * {@return the adapter's current name: the one it was created or opened with, unless a later adapter created with the same name made the driver rename this one ("Name 1", ...)}
     *
     * <p>On Windows this is the interface's alias (read with {@code GetIfEntry2} while the adapter is open, the
     * last one read afterwards), the name Windows shows. The user or another program may change the alias at
     * any time (for example {@code netsh interface set interface name=...}); {@code name()} then answers the new
     * alias. {@link WintunDriver#openAdapter(String)} does not match the alias but the Wintun name the adapter
     * was created with, which such a change leaves as it was (Wintun changes it only when it renames the adapter
     * for a newer one of the same name): after a user's rename, open the adapter by its first name.
     */
    String name();

    /** {@return the tunnel type (the adapter's description is {@code "<type> Tunnel"})} */
    String tunnelType();

    /**
     * {@return the GUID the adapter has: for a created adapter the requested one when no other adapter had it,
     * else the one picked at creation}
     */
    UUID guid();

    /**
     * {@return the adapter's {@code NET_LUID} as a 64-bit value: {@code (IfType << 48) | (NetLuidIndex << 24)}}
     *
     */
    long luid();

    /** {@return {@code false} once closed} */
    boolean isOpen();

    /**
     * Starts a session ({@code WintunStartSession}); one session per adapter at a time.
     *
     * @param capacity the ring capacity in bytes, a power of two in
     *                 [{@link WintunConstants#MIN_RING_CAPACITY}, {@link WintunConstants#MAX_RING_CAPACITY}]
     * @return the session
     * @throws IllegalArgumentException when the capacity is out of range or not a power of two
     * @throws WintunException          {@code ERROR_ALREADY_INITIALIZED} when a session is running,
     *                                  or another driver error
     */
    Session startSession(int capacity);

    /**
     * Starts a session ({@code WintunStartSession}) with options; one session per adapter at a
     * time. {@link #startSession(int)} is this with {@link SessionOptions#defaults()}. A backend
     * that cannot honour an option starts the session without it (the session says what is active,
     * see {@link Session#offloadsActive()}); this default implementation, for backends without
     * options (Windows, the mock), checks the arguments and starts a plain session.
     *
     * @param capacity the ring capacity in bytes, as for {@link #startSession(int)}
     * @param options  the options
     * @return the session
     * @throws NullPointerException     when {@code options} is null
     * @throws IllegalArgumentException when the capacity is out of range or not a power of two
     * @throws WintunException          as for {@link #startSession(int)}
     * @since 1.1
     */
    default Session startSession(int capacity, SessionOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        return startSession(capacity);
    }

    /**
     * Assigns an IPv4 or IPv6 address to the adapter. Assigning an address it already has fails
     * with {@code ERROR_OBJECT_ALREADY_EXISTS}.
     *
     * @param address      the address
     * @param prefixLength the on-link prefix length, 0..32 for IPv4 and 0..128 for IPv6
     * @throws IllegalArgumentException when the prefix length is out of range
     * @throws WintunException          when the system refuses
     */
    void addAddress(InetAddress address, int prefixLength);

    /**
     * Removes an address assigned with {@link #addAddress(InetAddress, int)}.
     *
     * @param address      the address
     * @param prefixLength its prefix length
     * @throws WintunException {@code ERROR_NOT_FOUND} when the adapter has no such address
     */
    void removeAddress(InetAddress address, int prefixLength);

    /** {@return the interface MTU in bytes (Wintun adapters start at 65535)} */
    int mtu();

    /**
     * Sets the interface MTU.
     *
     * @param mtu the MTU, 576..65535 (IPv6 needs at least 1280 to be enabled on the interface)
     * @throws IllegalArgumentException when out of range
     * @throws WintunException          when the system refuses
     */
    void setMtu(int mtu);

    /**
     * Closes the adapter ({@code WintunCloseAdapter}): ends the session started through this
     * object, if any, then removes the adapter if this object created it; an adapter that was
     * only opened stays. Idempotent; never throws.
     */
    @Override
    void close();
}
