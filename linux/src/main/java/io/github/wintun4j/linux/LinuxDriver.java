// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.SessionOptions;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.internal.Arguments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Wintun driver level on Linux, over one binding of the libc calls.
 *
 * <ul>
 *   <li>{@link #createAdapter} creates a persistent TUN device (IFF_TUN | IFF_NO_PI) with the exact
 *       name: at most 15 bytes, never truncated. Where Wintun renames an older adapter of the same
 *       name, Linux fails with {@code ERROR_ALREADY_EXISTS}: renaming another program's interface
 *       would break it. Like a Wintun adapter, a new device starts with MTU 65535, is up, and gets
 *       no IPv6 link-local address (see {@link LinkLocalPolicy}). A requested GUID that a device
 *       created in this JVM has gives a random one instead, as in Wintun 0.13 and later.</li>
 *   <li>{@link #openAdapter} finds an existing TUN device (exact name first, then ignoring case as
 *       Wintun does) and checks that a descriptor can attach to it; {@code ERROR_NOT_FOUND} when there
 *       is none or the interface is not a single-queue TUN device.</li>
 *   <li>{@link #runningDriverVersion()} is the kernel's {@code major.minor}: the TUN driver is part
 *       of it. {@link #deleteDriver()} has nothing to uninstall and does nothing.</li>
 * </ul>
 *
 * <p>Threading and the state after close: as {@link WintunDriver}.
 */
public final class LinuxDriver implements WintunDriver {

    /** A Wintun adapter's MTU until the application sets one (wintun-reference section 4). */
    static final int INITIAL_MTU = WintunConstants.MAX_IP_PACKET_SIZE;

    private static final String CREATE = "WintunCreateAdapter";
    private static final String OPEN = "WintunOpenAdapter";
    /** Makes the GUID check and the creation one step among the drivers of this JVM. */
    private static final Object CREATION = new Object();

    private final String backendName;
    private final LinuxSyscalls sys;
    private final TunControl tun;
    private final InterfaceControl control;
    private final Set<LinuxAdapter> adapters = ConcurrentHashMap.newKeySet();
    private volatile WintunLogger logger = WintunLogger.systemLogger();
    private volatile boolean open = true;
    private volatile SessionOptions sessionDefaults = SessionOptions.defaults();

    /**
     * @param backendName the name of the backend providing the binding, such as {@code "ffm"}
     * @param sys         the binding of the libc calls
     */
    public LinuxDriver(String backendName, LinuxSyscalls sys) {
        this.backendName = Objects.requireNonNull(backendName, "backendName");
        this.sys = Objects.requireNonNull(sys, "sys");
        this.tun = new TunControl(sys);
        this.control = new InterfaceControl(sys);
    }

    /** Test hook: the options of {@link Adapter#startSession(int)} on this driver's adapters. */
    void sessionDefaults(SessionOptions options) {
        sessionDefaults = Objects.requireNonNull(options, "options");
    }

    /** @return the options of {@link Adapter#startSession(int)} on this driver's adapters */
    SessionOptions sessionDefaults() {
        return sessionDefaults;
    }

    @Override
    public String backendName() {
        return backendName;
    }

    @Override
    public Adapter createAdapter(String name, String tunnelType, UUID guid) {
        InterfaceNames.require(CREATE, name);
        Arguments.requireTunnelType(CREATE, tunnelType);
        requireOpen();
        LinuxAdapter adapter;
        UUID id;
        synchronized (CREATION) {
            // A request, as in Wintun 0.13+ (SuggestedInstanceId): a GUID in use gives a random one instead.
            id = guid != null && isGuidFree(guid) ? guid : UUID.randomUUID();
            int ifindex = createDevice(name);
            AdapterIdentity identity = new AdapterIdentity(id, tunnelType, name);
            AdapterIdentity.register(ifindex, identity);
            adapter = new LinuxAdapter(this, name, identity, ifindex, true);
        }
        log(WintunLogLevel.INFO, "Created TUN device \"" + name + "\" (index " + adapter.interfaceIndex()
                + ", " + tunnelType + " Tunnel, GUID {" + id + "})");
        return track(adapter);
    }

    /** @return the interface index of the new, configured, detached persistent device */
    private int createDevice(String name) {
        Fd fd = tun.createPersistent(CREATE, name);
        try {
            String problem = LinkLocalPolicy.apply(name);
            if (problem != null) {
                log(WintunLogLevel.WARN, "\"" + name + "\" keeps its IPv6 link-local address: " + problem);
            }
            control.setMtu(CREATE, name, INITIAL_MTU);
            int ifindex = control.index(CREATE, name);
            control.bringUp(CREATE, name);
            fd.close();
            return ifindex;
        } catch (RuntimeException e) {
            try {
                tun.delete(fd);
            } catch (ErrnoException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** @return whether no device created in this JVM that still exists has {@code guid}; forgets one that is gone */
    private boolean isGuidFree(UUID guid) {
        Optional<Map.Entry<Integer, AdapterIdentity>> owner = AdapterIdentity.withGuid(guid);
        if (owner.isEmpty()) {
            return true;
        }
        int ifindex = owner.get().getKey();
        try {
            if (control.index(CREATE, owner.get().getValue().name()) == ifindex) {
                return false;
            }
        } catch (WintunException e) {
            if (e.errorCode() != WintunErrors.ERROR_NOT_FOUND) {
                throw e;
            }
        }
        AdapterIdentity.forget(ifindex);
        return true;
    }

    @Override
    public Adapter openAdapter(String name) {
        InterfaceNames.require(OPEN, name);
        requireOpen();
        String actual = resolve(name);
        int ifindex = control.index(OPEN, actual);
        try {
            Fd probe = tun.attach(OPEN, actual);
            boolean same;
            try {
                same = control.index(OPEN, actual) == ifindex;
            } finally {
                probe.close(); // also when the device went away between the two lookups
            }
            if (!same) {
                throw InterfaceControl.gone(OPEN, actual);
            }
        } catch (WintunException e) {
            if (e.errorCode() != WintunErrors.ERROR_ALREADY_INITIALIZED) {
                throw e;
            }
            // Busy: a TUN device with a session attached elsewhere; opening it is fine, a session is not.
        }
        return track(new LinuxAdapter(this, actual, AdapterIdentity.of(ifindex, actual), ifindex, false));
    }

    private String resolve(String name) {
        try {
            control.index(OPEN, name);
            return name;
        } catch (WintunException e) {
            if (e.errorCode() != WintunErrors.ERROR_NOT_FOUND) {
                throw e;
            }
        }
        return InterfaceNames.findExisting(name).orElseThrow(() -> new WintunException(OPEN,
                WintunErrors.ERROR_NOT_FOUND, "there is no network interface named \"" + name + "\""));
    }

    private LinuxAdapter track(LinuxAdapter adapter) {
        adapters.add(adapter);
        if (!open) {
            adapter.close();
            throw new IllegalStateException("the " + backendName + " driver was closed");
        }
        return adapter;
    }

    void forget(LinuxAdapter adapter) {
        adapters.remove(adapter);
    }

    @Override
    public DriverVersion runningDriverVersion() {
        requireOpen();
        return KernelVersion.running();
    }

    @Override
    public void deleteDriver() {
        requireOpen();
        log(WintunLogLevel.INFO, "Nothing to uninstall: on Linux the TUN driver is part of the kernel");
    }

    @Override
    public void setLogger(WintunLogger logger) {
        requireOpen();
        this.logger = logger != null ? logger : WintunLogger.off();
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        for (LinuxAdapter adapter : List.copyOf(adapters)) {
            adapter.close();
        }
    }

    void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the " + backendName + " driver was closed");
        }
    }

    LinuxSyscalls sys() {
        return sys;
    }

    void log(WintunLogLevel level, String message) {
        try {
            logger.log(level, Instant.now(), message);
        } catch (RuntimeException ignored) {
            // WintunLogger: an exception thrown by a logger is dropped.
        }
    }

    @Override
    public String toString() {
        return "LinuxDriver[" + backendName + (open ? "" : ", closed") + ']';
    }
}
