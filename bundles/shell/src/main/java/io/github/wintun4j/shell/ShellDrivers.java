// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.internal.DriverRanking;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver services the shell's commands may use, as SCR hands them over, and the shell's
 * driver from each, got on first use and given back when the service goes away or the shell stops.
 *
 * <p>Thread-safe. SCR is never called while this object's lock is held (getting or giving back a
 * driver may run the backend's activation or deactivation, which may wait for other threads).
 */
final class ShellDrivers {

    private final Object lock = new Object();
    /** Guarded by {@code lock}. */
    private final Map<ServiceReference<WintunDriver>, ShellBackend> backends = new HashMap<>();

    /** @param service a driver service SCR bound */
    void add(ComponentServiceObjects<WintunDriver> service) {
        synchronized (lock) {
            backends.put(service.getServiceReference(), new ShellBackend(service));
        }
    }

    /**
     * @param service a driver service SCR unbinds
     * @return its backend, no longer tracked; null when it was not tracked
     */
    ShellBackend remove(ComponentServiceObjects<WintunDriver> service) {
        synchronized (lock) {
            return backends.remove(service.getServiceReference());
        }
    }

    /** @return every backend, no longer tracked */
    List<ShellBackend> removeAll() {
        synchronized (lock) {
            List<ShellBackend> all = new ArrayList<>(backends.values());
            backends.clear();
            return all;
        }
    }

    /** @return whether the backend is still tracked (its service was not unbound meanwhile) */
    boolean isTracked(ShellBackend backend) {
        synchronized (lock) {
            return backends.containsValue(backend);
        }
    }

    /** @return the driver services now, the highest-ranked first */
    List<ServiceReference<WintunDriver>> references() {
        synchronized (lock) {
            return DriverRanking.highestFirst(backends.keySet());
        }
    }

    /**
     * @param backendName a backend name in any case, or blank for any
     * @return the highest-ranked backend of that name
     * @throws IllegalArgumentException when there is none, naming those there are
     */
    ShellBackend choose(String backendName) {
        synchronized (lock) {
            ShellBackend best = DriverRanking.highest(backends.keySet(),
                            reference -> reference.getProperty(WintunServiceProperties.BACKEND), backendName)
                    .map(backends::get)
                    .orElse(null);
            if (best != null) {
                return best;
            }
            List<String> names = namesHighestFirst();
            throw new IllegalArgumentException((backendName.isBlank() ? "no backend is registered"
                    : "no backend named '" + backendName.trim() + "' is registered")
                    + "; registered: " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
    }

    /** @return the names of the backends, the highest-ranked first */
    List<String> names() {
        synchronized (lock) {
            return namesHighestFirst();
        }
    }

    /** Guarded by {@code lock}. */
    private List<String> namesHighestFirst() {
        List<String> names = new ArrayList<>();
        DriverRanking.highestFirst(backends.keySet()).forEach(reference -> names.add(backends.get(reference).name()));
        return names;
    }

    /**
     * @return the shell's driver from this backend, got on first use (outside the lock: it calls SCR)
     * @throws IllegalStateException when the backend went away
     */
    WintunDriver driverOf(ShellBackend backend) {
        synchronized (lock) {
            if (backend.driver != null) {
                return backend.driver;
            }
        }
        WintunDriver fresh = backend.service.getService();
        if (fresh != null) {
            fresh.setLogger(WintunLogger.off()); // the commands report what happened themselves
        }
        WintunDriver kept;
        synchronized (lock) {
            if (backend.driver == null && fresh != null && backends.containsValue(backend)) {
                backend.driver = fresh;
                return fresh;
            }
            kept = backend.driver;
        }
        if (fresh != null) {
            unget(backend, fresh);
        }
        if (kept == null) {
            throw new IllegalStateException("backend " + backend.name() + " went away");
        }
        return kept;
    }

    /** Gives the shell's driver of a backend that is no longer tracked back, if it got one. */
    static void release(ShellBackend backend) {
        WintunDriver driver = backend.driver;
        if (driver != null) {
            unget(backend, driver);
        }
    }

    private static void unget(ShellBackend backend, WintunDriver driver) {
        try {
            backend.service.ungetService(driver);
        } catch (IllegalStateException | IllegalArgumentException alreadyReleased) {
            // SCR released it with the reference already.
        }
    }
}
