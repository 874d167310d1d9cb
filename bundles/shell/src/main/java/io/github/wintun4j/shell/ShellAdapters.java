// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The adapters made with {@code wintun:create}, by name in any case, in creation order, each with
 * the backend it lives on (so that the adapters of a backend that goes away can be closed).
 *
 * <p>Thread-safe. Nothing here closes an adapter: the caller closes what it removed, outside the
 * lock, since closing waits for the adapter's receive thread.
 */
final class ShellAdapters {

    private record Entry(ShellAdapter adapter, ShellBackend backend) {
    }

    private final Object lock = new Object();
    /** By lower-case name. Guarded by {@code lock}. */
    private final Map<String, Entry> byName = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when an adapter of that name exists */
    void requireAbsent(String name) {
        synchronized (lock) {
            if (byName.containsKey(key(name))) {
                throw new IllegalArgumentException("adapter \"" + name + "\" exists already (wintun:close it first)");
            }
        }
    }

    /** @return whether it was added; false when another adapter took the name meanwhile */
    boolean add(String name, ShellAdapter adapter, ShellBackend backend) {
        synchronized (lock) {
            return byName.putIfAbsent(key(name), new Entry(adapter, backend)) == null;
        }
    }

    /** @return whether this very adapter was still registered under the name, and is no longer */
    boolean remove(String name, ShellAdapter adapter) {
        synchronized (lock) {
            Entry entry = byName.get(key(name));
            return entry != null && entry.adapter() == adapter && byName.remove(key(name)) != null;
        }
    }

    /**
     * @return the adapter of that name, no longer registered
     * @throws IllegalArgumentException when there is none
     */
    ShellAdapter remove(String name) {
        synchronized (lock) {
            ShellAdapter adapter = existing(name);
            byName.remove(key(name));
            return adapter;
        }
    }

    /** @return the adapters of that backend, no longer registered */
    List<ShellAdapter> removeAllOf(ShellBackend backend) {
        List<ShellAdapter> removed = new ArrayList<>();
        synchronized (lock) {
            byName.values().removeIf(entry -> entry.backend() == backend && removed.add(entry.adapter()));
        }
        return removed;
    }

    /** @return every adapter, no longer registered */
    List<ShellAdapter> removeAll() {
        synchronized (lock) {
            List<ShellAdapter> all = all();
            byName.clear();
            return all;
        }
    }

    /** @return the adapters now, in creation order */
    List<ShellAdapter> all() {
        synchronized (lock) {
            List<ShellAdapter> all = new ArrayList<>();
            byName.values().forEach(entry -> all.add(entry.adapter()));
            return all;
        }
    }

    /** @throws IllegalArgumentException when there is no adapter of that name */
    ShellAdapter find(String name) {
        synchronized (lock) {
            return existing(name);
        }
    }

    /** Called with {@code lock} held. */
    private ShellAdapter existing(String name) {
        Entry entry = byName.get(key(name));
        if (entry == null) {
            throw new IllegalArgumentException("no adapter \"" + name + "\" was made with wintun:create; adapters: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
        }
        return entry.adapter();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
