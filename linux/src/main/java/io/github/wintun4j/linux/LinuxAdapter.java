// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.SessionOptions;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.internal.Arguments;

import java.net.InetAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link Adapter} on a Linux TUN device (layer 3, no packet information header).
 *
 * <p>The Linux mapping of the Wintun model: a created adapter is a persistent TUN device that
 * {@link #close()} deletes; an opened adapter is an existing TUN device that {@code close()} leaves
 * in place. A session attaches a descriptor to the device for its lifetime (so the interface has a
 * carrier exactly while a session runs, as a Wintun adapter is connected only then); a second
 * session, from this adapter or any other descriptor, fails with {@code ERROR_ALREADY_INITIALIZED}.
 * The GUID and tunnel type are kept in Java (Linux has no such properties); the LUID is computed as
 * Wintun's, with the interface index as {@code NetLuidIndex}.
 *
 * <p>Threading and the state after close: as {@link Adapter}.
 */
public final class LinuxAdapter implements Adapter {

    /** IF_TYPE_PROP_VIRTUAL, the {@code IfType} of every Wintun adapter's LUID. */
    static final long IF_TYPE_PROP_VIRTUAL = 53;

    private static final String START_SESSION = "WintunStartSession";

    private final LinuxDriver driver;
    private final String name;
    private final AdapterIdentity identity;
    private final int ifindex;
    private final boolean created;
    private final TunControl tun;
    private final InterfaceControl control;
    private final AddressControl addresses;
    private final AdapterCounters counters = new AdapterCounters();
    private final Object lock = new Object();
    private volatile boolean open = true;
    private volatile InboundObserver inboundObserver;
    private LinuxSession session;

    LinuxAdapter(LinuxDriver driver, String name, AdapterIdentity identity, int ifindex, boolean created) {
        this.driver = driver;
        this.name = name;
        this.identity = identity;
        this.ifindex = ifindex;
        this.created = created;
        this.tun = new TunControl(driver.sys());
        this.control = new InterfaceControl(driver.sys());
        this.addresses = new AddressControl(control);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String tunnelType() {
        return identity.tunnelType();
    }

    @Override
    public UUID guid() {
        return identity.guid();
    }

    @Override
    public long luid() {
        return luidOf(ifindex);
    }

    /**
     * @param ifindex an interface index
     * @return the LUID Wintun would give it: {@code (53 << 48) | (NetLuidIndex << 24)}
     */
    static long luidOf(int ifindex) {
        return (IF_TYPE_PROP_VIRTUAL << 48) | ((ifindex & 0xFFFFFFL) << 24);
    }

    /** @return the Linux interface index ({@code if_nametoindex}), the {@code NetLuidIndex} of the LUID */
    public int interfaceIndex() {
        return ifindex;
    }

    /** @return whether this adapter created its device (and so deletes it on close) */
    public boolean isCreated() {
        return created;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Session startSession(int capacity) {
        return startSession(capacity, driver.sessionDefaults());
    }

    /**
     * {@inheritDoc}
     *
     * <p>On Linux, offloads ({@link SessionOptions#offloads()}) attach the session's descriptor
     * with {@code IFF_VNET_HDR} and ask the kernel for checksum, TCP and (Linux 6.2 and later) UDP
     * segmentation offload; the session splits what the kernel hands over and merges what the
     * application sends, so the application sees the same packets either way. Where the kernel
     * refuses, the session runs without; {@link Session#offloadsActive()} says which.
     */
    @Override
    public Session startSession(int capacity, SessionOptions options) {
        Arguments.requireRingCapacity(capacity);
        Objects.requireNonNull(options, "options");
        synchronized (lock) {
            requireOpen();
            if (session != null) {
                throw new WintunException(START_SESSION, WintunErrors.ERROR_ALREADY_INITIALIZED,
                        "adapter \"" + name + "\" already has a session; close it first");
            }
            Fd attached = tun.attach(START_SESSION, name, options.offloads());
            TunOffloads offloads = options.offloads() ? tun.enableOffloads(attached) : TunOffloads.NONE;
            if (options.offloads() && !offloads.active()) {
                attached.close();   // the kernel took no offload: attach again without the virtio header
                attached = tun.attach(START_SESSION, name, false);
            }
            if (!offloads.active()) {
                try {
                    tun.disableOffloads(attached);
                } catch (ErrnoException e) {
                    log(WintunLogLevel.WARN, "TUNSETOFFLOAD(0) on \"" + name + "\": " + e.getMessage());
                }
            }
            Fd wake;
            try {
                if (control.index(START_SESSION, name) != ifindex) {
                    throw InterfaceControl.gone(START_SESSION, name);
                }
                control.bringUp(START_SESSION, name);
                control.awaitRunning(START_SESSION, name);
                wake = new Fd(sys(), sys().eventfd(0, LinuxAbi.EFD_NONBLOCK | LinuxAbi.EFD_CLOEXEC), "eventfd");
            } catch (ErrnoException e) {
                attached.close();
                throw LinuxErrors.of(START_SESSION, "eventfd", e);
            } catch (RuntimeException e) {
                attached.close();
                throw e;
            }
            session = LinuxSession.start(this, attached, wake, capacity, offloads, this::sessionEnded);
            log(WintunLogLevel.INFO, "Started session on \"" + name + "\" (ring capacity 0x"
                    + Integer.toHexString(capacity) + ", " + offloads.describe() + ")");
            return session;
        }
    }

    private void sessionEnded() {
        synchronized (lock) {
            session = null;
        }
    }

    @Override
    public void addAddress(InetAddress address, int prefixLength) {
        Arguments.requirePrefix(address, prefixLength);
        requireOpen();
        addresses.add("Adapter.addAddress", name, ifindex, address, prefixLength);
    }

    @Override
    public void removeAddress(InetAddress address, int prefixLength) {
        Arguments.requirePrefix(address, prefixLength);
        requireOpen();
        addresses.remove("Adapter.removeAddress", name, ifindex, address, prefixLength);
    }

    @Override
    public int mtu() {
        requireOpen();
        return control.mtu("Adapter.mtu", name);
    }

    @Override
    public void setMtu(int mtu) {
        Arguments.requireMtu(mtu);
        requireOpen();
        control.setMtu("Adapter.setMtu", name, mtu);
    }

    @Override
    public void close() {
        LinuxSession running;
        synchronized (lock) {
            if (!open) {
                return;
            }
            open = false;
            running = session;
        }
        try {
            if (running != null) {
                running.close();
            }
            if (created) {
                deleteDevice();
            }
        } catch (RuntimeException e) {
            log(WintunLogLevel.ERR, "Closing adapter \"" + name + "\" failed: " + e);
        } finally {
            driver.forget(this);
        }
    }

    private void deleteDevice() {
        String operation = "WintunCloseAdapter";
        try {
            if (!isStillOurs(operation)) {
                log(WintunLogLevel.INFO, "TUN device \"" + name + "\" was already gone");
                return;
            }
            Fd fd = tun.attach(operation, name);
            boolean ours;
            try {
                ours = isStillOurs(operation);
            } catch (RuntimeException e) {
                fd.close(); // the lookup failed, not the attach: the descriptor is ours to close
                throw e;
            }
            if (!ours) {
                fd.close();
                return;
            }
            tun.delete(fd);
            log(WintunLogLevel.INFO, "Deleted TUN device \"" + name + "\" (index " + ifindex + ")");
        } catch (ErrnoException e) {
            log(WintunLogLevel.WARN, "Deleting TUN device \"" + name + "\": TUNSETPERSIST(0) " + e.getMessage());
        } catch (WintunException e) {
            log(WintunLogLevel.WARN, "Could not delete TUN device \"" + name + "\": " + e.getMessage());
        } finally {
            AdapterIdentity.forget(ifindex);
        }
    }

    /** @return whether the interface of this name is still the device this adapter was made for */
    private boolean isStillOurs(String operation) {
        try {
            return control.index(operation, name) == ifindex;
        } catch (WintunException e) {
            if (e.errorCode() == WintunErrors.ERROR_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("adapter \"" + name + "\" was closed");
        }
        driver.requireOpen();
    }

    LinuxSyscalls sys() {
        return driver.sys();
    }

    AdapterCounters counters() {
        return counters;
    }

    /** @return the running session, or {@code null} (test hook) */
    LinuxSession currentSession() {
        synchronized (lock) {
            return session;
        }
    }

    /** Test hook: installs (or, with {@code null}, removes) the observer of inbound packets. */
    void observeInbound(InboundObserver observer) {
        inboundObserver = observer;
    }

    InboundObserver inboundObserver() {
        return inboundObserver;
    }

    void log(WintunLogLevel level, String message) {
        driver.log(level, message);
    }

    @Override
    public String toString() {
        LinuxSession running = currentSession();
        return "LinuxAdapter[" + name + ", index " + ifindex + (created ? ", created" : ", opened")
                + (running == null ? "" : ", session with " + running.offloads().describe())
                + (open ? "" : ", closed") + ']';
    }
}
