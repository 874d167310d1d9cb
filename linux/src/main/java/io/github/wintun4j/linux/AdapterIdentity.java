// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Wintun keeps about an adapter and Linux does not: its GUID and tunnel type. Kept per
 * interface index for the devices this JVM created, so that opening one of them answers with the
 * GUID and tunnel type it was created with; a device created elsewhere gets a GUID derived from
 * its name (stable across runs, as Wintun's requested GUIDs are meant to be) and the tunnel type
 * {@value #FOREIGN_TUNNEL_TYPE}.
 *
 * @param guid       the GUID
 * @param tunnelType the tunnel type
 * @param name       the interface name the device had when registered
 */
record AdapterIdentity(UUID guid, String tunnelType, String name) {

    /** The tunnel type reported for a TUN device that this JVM did not create. */
    static final String FOREIGN_TUNNEL_TYPE = "TUN";

    private static final Map<Integer, AdapterIdentity> CREATED = new ConcurrentHashMap<>();

    static void register(int ifindex, AdapterIdentity identity) {
        CREATED.put(ifindex, identity);
    }

    static void forget(int ifindex) {
        CREATED.remove(ifindex);
    }

    /**
     * @param ifindex an interface index
     * @param name    its current name
     * @return the identity it was created with in this JVM, else one derived from the name
     */
    static AdapterIdentity of(int ifindex, String name) {
        AdapterIdentity known = CREATED.get(ifindex);
        if (known != null) {
            return known;
        }
        UUID derived = UUID.nameUUIDFromBytes(("wintun4j-linux:" + name).getBytes(StandardCharsets.UTF_8));
        return new AdapterIdentity(derived, FOREIGN_TUNNEL_TYPE, name);
    }

    /**
     * @param guid a GUID
     * @return the interface index of a device created in this JVM with that GUID, if it is registered
     */
    static Optional<Map.Entry<Integer, AdapterIdentity>> withGuid(UUID guid) {
        return CREATED.entrySet().stream().filter(e -> e.getValue().guid().equals(guid)).findFirst();
    }
}
