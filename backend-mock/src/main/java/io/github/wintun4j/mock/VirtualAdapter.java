// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One adapter as the mock driver knows it, whatever the handles open on it: identity, addresses,
 * MTU, its network side and its one session. Handles ({@link MockAdapter}) come and go; this lives
 * from creation until removal, and its {@link MockNetwork} as long as anything refers to it.
 *
 * <p>Thread-safe: the name and MTU are volatile; addresses, session and removal are guarded by
 * this object. Lock order: the driver's lock before this one, never the reverse; logging and
 * session closing happen after both are released.
 */
final class VirtualAdapter {

    /** Wintun adapters start with MTU 0xFFFF (reference section 4). */
    private static final int INITIAL_MTU = 0xFFFF;

    private final MockDriver driver;
    private final DriverLog log;
    private final String tunnelType;
    private final UUID guid;
    private final long luid;
    private final MockNetwork network;
    private volatile String name;
    private volatile int mtu = INITIAL_MTU;
    private volatile Set<InetAddress> addressSnapshot = Set.of();
    private final Map<InetAddress, Integer> addresses = new LinkedHashMap<>();
    private boolean removed;
    private MockSession session;
    private Object sessionOwner;

    VirtualAdapter(MockDriver driver, DriverLog log, String name, String tunnelType, UUID guid, long luid) {
        this.driver = driver;
        this.log = log;
        this.name = name;
        this.tunnelType = tunnelType;
        this.guid = guid;
        this.luid = luid;
        this.network = new MockNetwork(this, log);
    }

    MockDriver driver() {
        return driver;
    }

    String name() {
        return name;
    }

    /** Called under the driver's lock when a newer adapter takes this one's name. */
    void rename(String newName) {
        name = newName;
    }

    String tunnelType() {
        return tunnelType;
    }

    UUID guid() {
        return guid;
    }

    long luid() {
        return luid;
    }

    MockNetwork network() {
        return network;
    }

    int mtu() {
        return mtu;
    }

    /** @return the assigned addresses now (an immutable snapshot) */
    Set<InetAddress> addresses() {
        return addressSnapshot;
    }

    /**
     * @param capacity a validated ring capacity
     * @param owner    the handle starting it, which ends it when closed
     */
    Session startSession(int capacity, Object owner) {
        MockSession started;
        synchronized (this) {
            if (removed) {
                throw new WintunException("WintunStartSession", WintunErrors.ERROR_HANDLE_EOF,
                        "adapter \"" + name + "\" no longer exists");
            }
            if (session != null) {
                throw new WintunException("WintunStartSession", WintunErrors.ERROR_ALREADY_INITIALIZED,
                        "adapter \"" + name + "\" already has a session; close it first");
            }
            SessionLink link;
            try {
                link = new SessionLink(capacity);
            } catch (OutOfMemoryError e) {
                throw new WintunException("WintunStartSession", WintunErrors.ERROR_NOT_ENOUGH_MEMORY,
                        "no direct memory for two rings of capacity 0x" + Integer.toHexString(capacity), e);
            }
            started = new MockSession(link, network, () -> sessionClosed(link));
            session = started;
            sessionOwner = owner;
            network.attach(link);
        }
        log.info("Starting session on adapter \"" + name + "\" with ring capacity 0x" + Integer.toHexString(capacity));
        return started;
    }

    /** Runs once the application closed the session of {@code link}; the adapter can start another. */
    private void sessionClosed(SessionLink link) {
        network.detach(link);
        synchronized (this) {
            if (session != null && session.link() == link) {
                session = null;
                sessionOwner = null;
            }
        }
        log.info("Ending session on adapter \"" + name + "\"");
    }

    synchronized MockSession session() {
        return session;
    }

    /** @return the session started through {@code owner}, or null */
    synchronized MockSession sessionStartedBy(Object owner) {
        return sessionOwner == owner ? session : null;
    }

    /** @return whether this call removed it (false when already removed) */
    synchronized boolean markRemoved() {
        boolean wasPresent = !removed;
        removed = true;
        return wasPresent;
    }

    synchronized boolean isRemoved() {
        return removed;
    }

    synchronized void addAddress(InetAddress address, int prefixLength) {
        requirePresent("CreateUnicastIpAddressEntry");
        if (addresses.containsKey(address)) {
            throw new WintunException("CreateUnicastIpAddressEntry", WintunErrors.ERROR_OBJECT_ALREADY_EXISTS,
                    address.getHostAddress() + "/" + addresses.get(address) + " is already assigned to adapter \""
                            + name + "\"");
        }
        addresses.put(address, prefixLength);
        addressSnapshot = Set.copyOf(addresses.keySet());
    }

    /** Windows identifies an assigned address by the address alone; the prefix length is not compared. */
    synchronized void removeAddress(InetAddress address) {
        requirePresent("DeleteUnicastIpAddressEntry");
        if (addresses.remove(address) == null) {
            throw new WintunException("DeleteUnicastIpAddressEntry", WintunErrors.ERROR_NOT_FOUND,
                    address.getHostAddress() + " is not assigned to adapter \"" + name + "\"");
        }
        addressSnapshot = Set.copyOf(addresses.keySet());
    }

    synchronized void setMtu(int newMtu) {
        requirePresent("SetIpInterfaceEntry");
        mtu = newMtu;
    }

    private void requirePresent(String operation) {
        if (removed) {
            throw new WintunException(operation, WintunErrors.ERROR_NOT_FOUND,
                    "adapter \"" + name + "\" no longer exists");
        }
    }
}
