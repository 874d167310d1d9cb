// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.windows.sys.IpHelper;
import io.github.wintun4j.windows.sys.MibIfRow2;
import io.github.wintun4j.windows.sys.MibIpInterfaceRow;
import io.github.wintun4j.windows.sys.MibUnicastIpAddressRow;
import io.github.wintun4j.windows.sys.NetLuid;
import io.github.wintun4j.windows.sys.WindowsAbi;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Wintun adapter handle. Wintun itself tells only the LUID ({@code WintunGetAdapterLUID}); the
 * current name, the GUID and the tunnel type are the interface's alias, GUID and description
 * ({@code "<TunnelType> Tunnel"}), read with {@code GetIfEntry2}. The GUID is read back also for a
 * created adapter: the requested one is only a suggestion (Wintun 0.13 and later: when another adapter
 * has it, the new adapter gets a random one). Addresses and the MTU go through IP Helper by LUID, as
 * example.c does; the MTU is set on the IPv4 and the IPv6 side of the interface (IPv6 only from 1280,
 * its minimum).
 *
 * <p>Threading and the state after close: as {@link Adapter}. The handle is freed only once no
 * call uses it ({@link CallGuard}) and every session started through it has ended
 * ({@code WintunEndSession}): removing the adapter makes the driver close the session's registration
 * handle in this process (WireGuard/wintun {@code driver/wintun.c}, {@code TunDispatchPnp}), so a
 * {@code WintunEndSession} after {@code WintunCloseAdapter} would close a handle value that may by then
 * belong to another handle of the JVM. When a claimant delays a session's end ({@link SessionClaims}),
 * the adapter stays until that claimant checks out, which its next call, or the wake-up of its wait, does.
 */
final class WindowsAdapter implements Adapter {

    /** RFC 8200: IPv6 needs an MTU of at least 1280. */
    private static final int MIN_IPV6_MTU = 1280;
    private static final String TUNNEL_SUFFIX = " Tunnel";

    private final WindowsDriver driver;
    private final long handle;
    private final boolean created;
    private final long luid;
    private final UUID guid;
    private final String tunnelType;
    private final CallGuard guard = new CallGuard();
    /** The sessions started through this handle that have not ended yet. */
    private final Set<WindowsSession> sessions = ConcurrentHashMap.newKeySet();
    /** Guards the two flags below (a private monitor: an application may synchronize on an adapter). */
    private final Object closing = new Object();
    /** Under {@link #closing}: {@link #close()} has closed the sessions and no call uses the handle any more. */
    private boolean closeRequested;
    /** Under {@link #closing}: {@code WintunCloseAdapter} was called, or is being called. */
    private boolean handleClosed;
    private volatile String name;

    private WindowsAdapter(WindowsDriver driver, long handle, boolean created, String name, String tunnelType,
                           UUID guid) {
        this.driver = driver;
        this.handle = handle;
        this.created = created;
        ByteBuffer luidBuffer = NetLuid.allocate();
        driver.dll().wintun.WintunGetAdapterLUID(handle, luidBuffer);
        this.luid = NetLuid.value(luidBuffer);
        MibIfRow2 row = interfaceRow();
        this.name = row != null && !row.alias().isEmpty() ? row.alias() : name;
        // The GUID the adapter has, which for a created one may not be the requested one.
        this.guid = row != null ? row.guid() : guid != null ? guid : new UUID(0, 0);
        this.tunnelType = tunnelType != null ? tunnelType : row != null ? tunnelTypeOf(row.description()) : "";
    }

    static WindowsAdapter created(WindowsDriver driver, long handle, String name, String tunnelType, UUID guid) {
        return new WindowsAdapter(driver, handle, true, name, tunnelType, guid);
    }

    static WindowsAdapter opened(WindowsDriver driver, long handle, String name) {
        return new WindowsAdapter(driver, handle, false, name, null, null);
    }

    private static String tunnelTypeOf(String description) {
        return description.endsWith(TUNNEL_SUFFIX)
                ? description.substring(0, description.length() - TUNNEL_SUFFIX.length()) : description;
    }

    /** @return the interface's row, or {@code null} when Windows does not know it (any more) */
    private MibIfRow2 interfaceRow() {
        MibIfRow2 row = new MibIfRow2(luid);
        return ip().GetIfEntry2(row.buffer()) == WindowsAbi.NO_ERROR ? row : null;
    }

    @Override
    public String name() {
        if (isOpen()) {
            MibIfRow2 row = interfaceRow();
            if (row != null && !row.alias().isEmpty()) {
                name = row.alias();
            }
        }
        return name;
    }

    @Override
    public String tunnelType() {
        return tunnelType;
    }

    @Override
    public UUID guid() {
        return guid;
    }

    @Override
    public long luid() {
        return luid;
    }

    @Override
    public boolean isOpen() {
        return !guard.isClosed();
    }

    @Override
    public Session startSession(int capacity) {
        Arguments.requireRingCapacity(capacity);
        if (!guard.enter()) {
            throw closed();
        }
        try {
            WindowsSession session = WindowsSession.start(this, handle, capacity);
            sessions.add(session);
            if (guard.isClosed()) {
                session.close();
                throw closed();
            }
            return session;
        } finally {
            guard.exit();
        }
    }

    /** The session has ended ({@code WintunEndSession}); on any thread. */
    void forget(WindowsSession session) {
        sessions.remove(session);
        closeHandleWhenUnused();
    }

    @Override
    public void addAddress(InetAddress address, int prefixLength) {
        Arguments.requirePrefix(address, prefixLength);
        requireOpen();
        MibUnicastIpAddressRow row = new MibUnicastIpAddressRow();
        ip().InitializeUnicastIpAddressEntry(row.buffer());
        row.set(luid, address, prefixLength);
        int status = ip().CreateUnicastIpAddressEntry(row.buffer());
        if (status != WindowsAbi.NO_ERROR) {
            throw WindowsErrors.of("CreateUnicastIpAddressEntry", status, "adding " + address.getHostAddress() + '/'
                    + prefixLength + " to \"" + name + '"');
        }
    }

    @Override
    public void removeAddress(InetAddress address, int prefixLength) {
        Arguments.requirePrefix(address, prefixLength);
        requireOpen();
        MibUnicastIpAddressRow row = new MibUnicastIpAddressRow();
        ip().InitializeUnicastIpAddressEntry(row.buffer());
        row.set(luid, address, prefixLength);
        int status = ip().DeleteUnicastIpAddressEntry(row.buffer());
        if (status != WindowsAbi.NO_ERROR) {
            throw WindowsErrors.of("DeleteUnicastIpAddressEntry", status, "removing " + address.getHostAddress() + '/'
                    + prefixLength + " from \"" + name + '"');
        }
    }

    @Override
    public int mtu() {
        requireOpen();
        int status = WintunErrors.ERROR_NOT_FOUND;
        for (short family : new short[] {WindowsAbi.AF_INET, WindowsAbi.AF_INET6}) {
            MibIpInterfaceRow row = interfaceRow(family);
            status = ip().GetIpInterfaceEntry(row.buffer());
            if (status == WindowsAbi.NO_ERROR) {
                return row.nlMtu();
            }
            if (status != WintunErrors.ERROR_NOT_FOUND) {
                break;
            }
        }
        throw WindowsErrors.of("GetIpInterfaceEntry", status, "reading the MTU of \"" + name + '"');
    }

    @Override
    public void setMtu(int mtu) {
        Arguments.requireMtu(mtu);
        requireOpen();
        boolean set = false;
        for (short family : new short[] {WindowsAbi.AF_INET, WindowsAbi.AF_INET6}) {
            if (family == WindowsAbi.AF_INET6 && mtu < MIN_IPV6_MTU) {
                continue;
            }
            MibIpInterfaceRow row = interfaceRow(family);
            int status = ip().GetIpInterfaceEntry(row.buffer());
            if (status == WintunErrors.ERROR_NOT_FOUND) {
                continue; // this IP version is off on the interface
            }
            String function = "GetIpInterfaceEntry"; // named before the call whose status it reports
            if (status == WindowsAbi.NO_ERROR) {
                function = "SetIpInterfaceEntry";
                status = ip().SetIpInterfaceEntry(row.nlMtu(mtu).buffer());
            }
            if (status != WindowsAbi.NO_ERROR) {
                throw WindowsErrors.of(function, status, "setting the " + (family == WindowsAbi.AF_INET ? "IPv4" : "IPv6")
                        + " MTU of \"" + name + "\" to " + mtu);
            }
            set = true;
        }
        if (!set) {
            throw WindowsErrors.of("GetIpInterfaceEntry", WintunErrors.ERROR_NOT_FOUND, "setting the MTU of \"" + name
                    + "\": the interface has neither IPv4 nor IPv6");
        }
    }

    private MibIpInterfaceRow interfaceRow(short family) {
        MibIpInterfaceRow row = new MibIpInterfaceRow();
        ip().InitializeIpInterfaceEntry(row.buffer());
        return row.key(family, luid);
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        for (WindowsSession session : List.copyOf(sessions)) {
            session.close(); // ends it, or leaves the end to its claimant
        }
        guard.awaitQuiescent();
        synchronized (closing) {
            closeRequested = true;
        }
        closeHandleWhenUnused();
    }

    /**
     * Calls {@code WintunCloseAdapter} once the adapter was closed and every session started through it
     * has ended, on the thread that saw the last of the two: the closer, or the claimant that ended the
     * last session.
     */
    private void closeHandleWhenUnused() {
        synchronized (closing) {
            if (!closeRequested || handleClosed || !sessions.isEmpty()) {
                return;
            }
            handleClosed = true;
        }
        driver.dll().wintun.WintunCloseAdapter(handle);
        driver.forget(this);
    }

    private void requireOpen() {
        if (guard.isClosed()) {
            throw closed();
        }
        driver.requireOpen();
    }

    private IllegalStateException closed() {
        return new IllegalStateException("adapter \"" + name + "\" was closed");
    }

    private IpHelper ip() {
        return driver.dll().ipHelper;
    }

    BoundDll dll() {
        return driver.dll();
    }

    @Override
    public String toString() {
        return "Adapter[" + name + ", " + (created ? "created" : "opened") + ", LUID 0x" + Long.toHexString(luid)
                + (isOpen() ? "" : ", closed") + ']';
    }
}
