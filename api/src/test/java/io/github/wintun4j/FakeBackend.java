// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;

import java.util.UUID;

/** A backend for selection tests: it only knows its name; its driver does nothing. */
class FakeBackend implements WintunBackend {

    private final String name;
    private final boolean isNative;
    private final int priority;
    private final BackendAvailability availability;

    /** @param availability what the probe answers; {@code null} makes the probe throw */
    FakeBackend(String name, boolean isNative, int priority, BackendAvailability availability) {
        this.name = name;
        this.isNative = isNative;
        this.priority = priority;
        this.availability = availability;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isNative() {
        return isNative;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public BackendAvailability availability() {
        if (availability == null) {
            throw new IllegalStateException("probe exploded");
        }
        return availability;
    }

    @Override
    public WintunDriver openDriver() {
        return new WintunDriver() {
            @Override
            public String backendName() {
                return name;
            }

            @Override
            public Adapter createAdapter(String adapterName, String tunnelType, UUID guid) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Adapter openAdapter(String adapterName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public DriverVersion runningDriverVersion() {
                return new DriverVersion(0, 14);
            }

            @Override
            public void deleteDriver() {
            }

            @Override
            public void setLogger(WintunLogger logger) {
            }

            @Override
            public void close() {
            }
        };
    }
}
