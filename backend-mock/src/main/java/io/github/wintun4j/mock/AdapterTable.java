// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The adapters that exist on one mock machine, with the naming rules of {@code WintunCreateAdapter}
 * and {@code WintunOpenAdapter}: names match ignoring case, and a new adapter takes its name from
 * an older one, which is renamed {@code "Name 1"}, {@code "Name 2"}, ... (the first name free).
 *
 * <p>LUIDs: {@code (53 << 48) | (NetLuidIndex << 24)} as Windows forms them for a virtual
 * interface (IF_TYPE_PROP_VIRTUAL = 53), with NetLuidIndex a per-driver counter from 1 that is
 * never reused, so a removed adapter's LUID never comes back within one driver.
 *
 * <p>Not thread-safe: guarded by the driver's lock.
 */
final class AdapterTable {

    /** ipifcons.h: IF_TYPE_PROP_VIRTUAL. */
    static final long IF_TYPE_PROP_VIRTUAL = 53;
    /** NET_LUID: NetLuidIndex is a 24-bit field. */
    private static final int NET_LUID_INDEX_MASK = 0xFFFFFF;

    private final List<VirtualAdapter> adapters = new ArrayList<>();
    private int nextNetLuidIndex = 1;

    /** @return the adapter whose name equals {@code name} ignoring case, or null */
    VirtualAdapter findByName(String name) {
        for (VirtualAdapter adapter : adapters) {
            if (adapter.name().equalsIgnoreCase(name)) {
                return adapter;
            }
        }
        return null;
    }

    boolean guidInUse(UUID guid) {
        for (VirtualAdapter adapter : adapters) {
            if (adapter.guid().equals(guid)) {
                return true;
            }
        }
        return false;
    }

    /** @return {@code base + " " + k} for the smallest k >= 1 that no adapter uses */
    String freeNameFor(String base) {
        for (int k = 1; ; k++) {
            String candidate = base + " " + k;
            if (findByName(candidate) == null) {
                return candidate;
            }
        }
    }

    /** @return the LUID of the next adapter; each call uses up one NetLuidIndex */
    long nextLuid() {
        long index = nextNetLuidIndex & NET_LUID_INDEX_MASK;
        nextNetLuidIndex++;
        return (IF_TYPE_PROP_VIRTUAL << 48) | (index << 24);
    }

    void add(VirtualAdapter adapter) {
        adapters.add(adapter);
    }

    /** @return whether it was there */
    boolean remove(VirtualAdapter adapter) {
        return adapters.remove(adapter);
    }

    boolean contains(VirtualAdapter adapter) {
        return adapters.contains(adapter);
    }

    boolean isEmpty() {
        return adapters.isEmpty();
    }

    int size() {
        return adapters.size();
    }

    /** @return the current names, in creation order */
    List<String> names() {
        List<String> names = new ArrayList<>(adapters.size());
        for (VirtualAdapter adapter : adapters) {
            names.add(adapter.name());
        }
        return List.copyOf(names);
    }
}
