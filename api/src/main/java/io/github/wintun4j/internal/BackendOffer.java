// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a backend offers itself as a service, and with which properties: the decision every
 * backend's OSGi probe makes as its bundle starts, written once and free of OSGi types. A backend
 * that cannot run here offers nothing and says why in one log line. Stateless; thread-safe.
 */
public final class BackendOffer {

    /**
     * The offloads a session would get here, a {@code String[]} of short names such as
     * {@code {"checksum", "TSO", "USO"}}, empty for none (see {@link OffloadReport}): {@value}. A
     * property of the {@code WintunBackend} service only, not part of {@code WintunServiceProperties}:
     * the frozen API does not carry it.
     */
    public static final String OFFLOADS = "wintun4j.offloads";

    private BackendOffer() {
    }

    /**
     * @param backend    the backend
     * @param loggerName the {@link System.Logger} that says why an unusable backend offers nothing
     * @return the service properties ({@link WintunServiceProperties}) when the backend can run here; empty (and one WARNING line)
     *         otherwise
     */
    public static Optional<Map<String, Object>> serviceProperties(WintunBackend backend, String loggerName) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(loggerName, "loggerName");
        BackendAvailability availability = backend.availability();
        if (!availability.usable()) {
            System.getLogger(loggerName).log(System.Logger.Level.WARNING,
                    "wintun4j backend ''{0}'' registers no driver: {1}", backend.name(), availability.reason());
            return Optional.empty();
        }
        return Optional.of(Map.of(WintunServiceProperties.BACKEND, backend.name(),
                WintunServiceProperties.NATIVE, backend.isNative(),
                OFFLOADS, sessionOffloads(backend).toArray(String[]::new)));
    }

    /**
     * @param backend a backend
     * @return the offloads a session of it would get here; empty when it does not say ({@link OffloadReport})
     */
    public static List<String> sessionOffloads(WintunBackend backend) {
        Objects.requireNonNull(backend, "backend");
        return backend instanceof OffloadReport report ? List.copyOf(report.sessionOffloads()) : List.of();
    }

    /**
     * @param property the {@link #OFFLOADS} property of a service, or {@code null} when it has none
     * @return the offloads it names; empty for {@code null} or a value of another type
     */
    public static List<String> offloadsOf(Object property) {
        if (property instanceof String[] names) {
            return List.of(names);
        }
        if (property instanceof String name && !name.isBlank()) {
            return List.of(name);
        }
        return List.of();
    }
}
