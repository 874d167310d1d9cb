// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.internal.Arguments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An in-memory Wintun driver: adapters, sessions and rings with the behaviour of Wintun 0.14
 * (reference sections 3 to 5), and for each adapter a scriptable {@link MockNetwork}. Each
 * instance is a machine of its own: adapters of one driver are invisible to another.
 *
 * <ul>
 *   <li>Create: names and tunnel types are checked as {@code WintunCreateAdapter} checks them; a
 *       {@code null} GUID picks a random one, and so does a GUID in use (the requested GUID is a
 *       request, as in Wintun 0.13 and later);
 *       an adapter that already has the name (ignoring case) is renamed {@code "Name 1"},
 *       {@code "Name 2"}, ... (the first free number, after the new name as spelled in this call)
 *       and the new one takes the name; when that numbered name would be over 127 units, the
 *       creation fails with {@code ERROR_BUFFER_OVERFLOW} and the older adapter keeps its name. LUID:
 *       {@code (53 << 48) | (NetLuidIndex << 24)}, NetLuidIndex counting from 1 per driver.</li>
 *   <li>Open: ignores case; no such adapter gives {@code ERROR_NOT_FOUND}.</li>
 *   <li>Close of an adapter: the creating handle removes the adapter and ends its session; an
 *       opened handle only ends the session started through it.</li>
 *   <li>The driver is "loaded" from the first {@code createAdapter} until {@link #deleteDriver()}
 *       unloads it; before, {@link #runningDriverVersion()} fails with {@code ERROR_FILE_NOT_FOUND}.
 *       {@code deleteDriver} leaves a driver that adapters still use in place, with a warning.</li>
 *   <li>Logging: INFO lines on driver load and unload, adapter creation, renaming and removal,
 *       session start and end, through {@link WintunLogger#systemLogger()} unless replaced. A
 *       logger that throws is ignored.</li>
 * </ul>
 *
 * <p>Threading: every method is thread-safe. The mock has no threads: work triggered by the
 * application (answers from responders) runs on the application's thread.
 *
 * <p>After close: {@link #close()} closes every adapter handle still open through this driver
 * (removing the created adapters). Afterwards {@link #backendName()}, {@link #adapterNames()}
 * and {@link #network(Adapter)} still answer; every other method throws
 * {@link IllegalStateException}.
 */
public final class MockDriver implements WintunDriver {

    /** The version the mock reports unless configured: Wintun 0.14. */
    public static final DriverVersion DEFAULT_VERSION = new DriverVersion(0, 14);

    private final DriverVersion runningVersion;
    private final DriverLog log = new DriverLog();
    private final Object lock = new Object();
    private final AdapterTable table = new AdapterTable();
    private final Set<MockAdapter> handles = new LinkedHashSet<>();
    private boolean loaded;
    private boolean closed;

    /** A driver that reports version 0.14 once loaded. */
    public MockDriver() {
        this(DEFAULT_VERSION);
    }

    /**
     * @param runningVersion the version {@link #runningDriverVersion()} reports once loaded
     * @throws NullPointerException when null
     */
    public MockDriver(DriverVersion runningVersion) {
        this.runningVersion = Objects.requireNonNull(runningVersion, "runningVersion");
    }

    /** @return {@code "mock"} */
    @Override
    public String backendName() {
        return MockBackend.NAME;
    }

    @Override
    public Adapter createAdapter(String name, String tunnelType, UUID guid) {
        Arguments.requireName("WintunCreateAdapter", "name", name);
        Arguments.requireTunnelType("WintunCreateAdapter", tunnelType);
        List<String> messages = new ArrayList<>();
        MockAdapter handle;
        synchronized (lock) {
            requireOpen();
            // A request, as in Wintun 0.13+ (SuggestedInstanceId): a GUID in use gives a random one instead.
            UUID id = guid != null && !table.guidInUse(guid) ? guid : randomFreeGuid();
            if (!loaded) {
                loaded = true;
                messages.add("Loading driver " + runningVersion);
            }
            VirtualAdapter previous = table.findByName(name);
            if (previous != null) {
                // Wintun (api/adapter.c, NciSetAdapterName) numbers the new name as the caller spelled
                // it, and fails the creation when that does not fit: the older adapter keeps its name.
                String newName = table.freeNameFor(name);
                if (newName.length() > WintunConstants.MAX_ADAPTER_NAME_LENGTH) {
                    throw new WintunException("WintunCreateAdapter", WintunErrors.ERROR_BUFFER_OVERFLOW,
                            "the adapter named \"" + previous.name() + "\" would be renamed \"" + newName + "\", "
                                    + newName.length() + " UTF-16 units long, over the limit of "
                                    + WintunConstants.MAX_ADAPTER_NAME_LENGTH + "; choose a shorter name");
                }
                messages.add("Renaming adapter \"" + previous.name() + "\" to \"" + newName + "\"");
                previous.rename(newName);
            }
            messages.add("Creating adapter \"" + name + "\" (" + tunnelType + " Tunnel, {" + id + "})");
            VirtualAdapter adapter = new VirtualAdapter(this, log, name, tunnelType, id, table.nextLuid());
            table.add(adapter);
            handle = new MockAdapter(this, adapter, true);
            handles.add(handle);
        }
        messages.forEach(log::info);
        return handle;
    }

    private UUID randomFreeGuid() {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (table.guidInUse(id));
        return id;
    }

    @Override
    public Adapter openAdapter(String name) {
        Arguments.requireName("WintunOpenAdapter", "name", name);
        synchronized (lock) {
            requireOpen();
            VirtualAdapter adapter = table.findByName(name);
            if (adapter == null) {
                throw new WintunException("WintunOpenAdapter", WintunErrors.ERROR_NOT_FOUND,
                        "no adapter named \"" + name + "\"; adapters: " + table.names());
            }
            MockAdapter handle = new MockAdapter(this, adapter, false);
            handles.add(handle);
            return handle;
        }
    }

    @Override
    public DriverVersion runningDriverVersion() {
        synchronized (lock) {
            requireOpen();
            if (!loaded) {
                throw new WintunException("WintunGetRunningDriverVersion", WintunErrors.ERROR_FILE_NOT_FOUND,
                        "the driver is not loaded: it loads with the first adapter created");
            }
            return runningVersion;
        }
    }

    @Override
    public void deleteDriver() {
        String warning = null;
        String info = null;
        synchronized (lock) {
            requireOpen();
            if (!table.isEmpty()) {
                warning = "Not removing driver " + runningVersion + ": " + table.size() + " adapter(s) still use it";
            } else if (loaded) {
                loaded = false;
                info = "Removing driver " + runningVersion;
            }
        }
        if (warning != null) {
            log.warn(warning);
        }
        if (info != null) {
            log.info(info);
        }
    }

    /** @param logger the new logger, or {@code null} to turn logging off */
    @Override
    public void setLogger(WintunLogger logger) {
        synchronized (lock) {
            requireOpen();
            log.set(logger);
        }
    }

    /**
     * The network side of an adapter of this driver. Works after the adapter or the driver was
     * closed: the network keeps its counters and queued packets.
     *
     * @param adapter a handle created or opened by this driver
     * @return the network side, the same for every handle on one adapter
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when the adapter comes from another driver or backend
     */
    public MockNetwork network(Adapter adapter) {
        Objects.requireNonNull(adapter, "adapter");
        if (!(adapter instanceof MockAdapter) || ((MockAdapter) adapter).driver() != this) {
            throw new IllegalArgumentException("adapter " + adapter + " was not created or opened by this driver");
        }
        return ((MockAdapter) adapter).adapter().network();
    }

    /** @return the current names of the adapters that exist, in creation order (empty after close) */
    public List<String> adapterNames() {
        synchronized (lock) {
            return table.names();
        }
    }

    @Override
    public void close() {
        List<MockAdapter> open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(handles);
        }
        for (MockAdapter handle : open) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                log.error("closing " + handle + " failed: " + e);
            }
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "MockDriver[version=" + runningVersion + (loaded ? ", loaded" : "") + ", adapters="
                    + table.names() + (closed ? ", closed" : "") + ']';
        }
    }

    // ---- for the handles and networks ----

    /** A handle was closed: remove the adapter if it created it, end the session it started. */
    void closeHandle(MockAdapter handle) {
        VirtualAdapter adapter = handle.adapter();
        MockSession toEnd = null;
        boolean removedNow = false;
        synchronized (lock) {
            handles.remove(handle);
            // Once the adapter vanished (removeAdapter fault), closing a handle changes nothing more:
            // its session stays the application's to close, as with a real device gone.
            if (handle.isCreator() && table.remove(adapter)) {
                toEnd = adapter.session();
                removedNow = adapter.markRemoved();
            } else if (!handle.isCreator() && !adapter.isRemoved()) {
                toEnd = adapter.sessionStartedBy(handle);
            }
        }
        if (toEnd != null) {
            toEnd.close();
        }
        if (removedNow) {
            log.info("Removing adapter \"" + adapter.name() + "\"");
        }
    }

    /** The {@link MockNetwork#removeAdapter()} fault: the adapter vanishes under its users. */
    void removeUnderneath(VirtualAdapter adapter) {
        boolean removedNow;
        synchronized (lock) {
            removedNow = table.remove(adapter) && adapter.markRemoved();
        }
        if (!removedNow) {
            return;
        }
        MockSession session = adapter.session();
        if (session != null) {
            session.link().terminate();
        }
        log.info("Removing adapter \"" + adapter.name() + "\" (it disappeared while in use)");
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the mock driver is closed");
        }
    }
}
