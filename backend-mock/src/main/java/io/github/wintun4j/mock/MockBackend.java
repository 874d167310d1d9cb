// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;

/**
 * The mock backend as a service ({@code "mock"}): found by {@link java.util.ServiceLoader} on the
 * module path and the class path, and opened with {@code Wintun.open("mock")}.
 *
 * <p>It is not native, so automatic selection picks it only when it is the only backend present
 * (with a warning). It is always usable: it needs no driver, no native access and no rights.
 *
 * <p>Stateless and thread-safe; every {@link #openDriver()} returns an independent
 * {@link MockDriver}, a machine of its own with no adapters.
 */
public final class MockBackend implements WintunBackend {

    /** The backend's name. */
    public static final String NAME = "mock";

    /** Creates the service; does nothing else. */
    public MockBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isNative() {
        return false;
    }

    /** @return 0: the mock never competes with native backends, which are preferred anyway */
    @Override
    public int priority() {
        return 0;
    }

    @Override
    public BackendAvailability availability() {
        return BackendAvailability.ofUsable();
    }

    /** @return a new {@link MockDriver} reporting driver version 0.14 */
    @Override
    public WintunDriver openDriver() {
        return new MockDriver();
    }

    @Override
    public String toString() {
        return "MockBackend";
    }
}
