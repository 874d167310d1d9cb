// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.windows.sys.Guid;
import io.github.wintun4j.windows.sys.Utf16;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Wintun driver level over one bound wintun.dll: adapters, the running version, deleting the
 * driver, the logger.
 *
 * <p>The logger is process-wide in Wintun ({@code WintunSetLogger}): opening a driver installs the
 * default ({@link WintunLogger#systemLogger()}), and the latest {@link #setLogger} of any driver on
 * the same DLL wins.
 *
 * <p>Threading and the state after close: as {@link WintunDriver}.
 */
final class WindowsDriver implements WintunDriver {

    private static final String CREATE = "WintunCreateAdapter";
    private static final String OPEN = "WintunOpenAdapter";

    private final String backendName;
    private final BoundDll dll;
    private final Set<WindowsAdapter> adapters = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    WindowsDriver(String backendName, BoundDll dll) {
        this.backendName = backendName;
        this.dll = dll;
        useLogger(WintunLogger.systemLogger());
    }

    @Override
    public String backendName() {
        return backendName;
    }

    @Override
    public Adapter createAdapter(String name, String tunnelType, UUID guid) {
        Arguments.requireName(CREATE, "adapter name", name);
        Arguments.requireTunnelType(CREATE, tunnelType);
        requireOpen();
        long handle = dll.wintun.WintunCreateAdapter(Utf16.encode(name), Utf16.encode(tunnelType),
                guid != null ? Guid.of(guid) : null);
        if (handle == 0) {
            throw dll.lastError(CREATE, "creating adapter \"" + name + "\" (" + tunnelType + " Tunnel"
                    + (guid != null ? ", GUID {" + guid + "}" : "") + ')');
        }
        return track(WindowsAdapter.created(this, handle, name, tunnelType, guid));
    }

    @Override
    public Adapter openAdapter(String name) {
        Arguments.requireNameToOpen("adapter name", name);
        requireOpen();
        long handle = dll.wintun.WintunOpenAdapter(Utf16.encode(name));
        if (handle == 0) {
            throw dll.lastError(OPEN, "opening adapter \"" + name + '"');
        }
        return track(WindowsAdapter.opened(this, handle, name));
    }

    private WindowsAdapter track(WindowsAdapter adapter) {
        adapters.add(adapter);
        if (!open) {
            adapter.close();
            throw closed();
        }
        return adapter;
    }

    void forget(WindowsAdapter adapter) {
        adapters.remove(adapter);
    }

    @Override
    public DriverVersion runningDriverVersion() {
        requireOpen();
        int version = dll.wintun.WintunGetRunningDriverVersion();
        if (version == 0) {
            throw dll.lastError("WintunGetRunningDriverVersion", "querying the running driver's version");
        }
        return DriverVersion.fromDword(version);
    }

    @Override
    public void deleteDriver() {
        requireOpen();
        if (!dll.wintun.WintunDeleteDriver()) {
            throw dll.lastError("WintunDeleteDriver", "deleting the Wintun driver");
        }
    }

    @Override
    public void setLogger(WintunLogger logger) {
        requireOpen();
        useLogger(logger);
    }

    private void useLogger(WintunLogger logger) {
        dll.logs.use(logger);
        dll.wintun.WintunSetLogger(logger != null);
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        for (WindowsAdapter adapter : List.copyOf(adapters)) {
            adapter.close();
        }
    }

    void requireOpen() {
        if (!open) {
            throw closed();
        }
    }

    private IllegalStateException closed() {
        return new IllegalStateException("the " + backendName + " driver was closed");
    }

    BoundDll dll() {
        return dll;
    }

    @Override
    public String toString() {
        return "WindowsDriver[" + backendName + ", " + dll.path + (open ? "" : ", closed") + ']';
    }
}
