// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a backend offers itself as a service, and with which properties: the decision every
 * backend's OSGi probe makes as its bundle starts, written once and free of OSGi types. A backend
 * that cannot run here offers nothing and says why in one log line. Stateless; thread-safe.
 */
public final class BackendOffer {

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
                WintunServiceProperties.NATIVE, backend.isNative()));
    }
}
