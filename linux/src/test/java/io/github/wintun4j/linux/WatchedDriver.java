// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.internal.ForwardingDriver;

import java.util.UUID;

/**
 * The driver under test, unchanged, except that each adapter it creates or opens is watched by the
 * test's network from the moment it exists: the capture must be in place before the application
 * writes its first packet. Thread-safe as the driver is.
 */
final class WatchedDriver extends ForwardingDriver {

    private final LinuxDriver driver;
    private final TestNetwork network;

    WatchedDriver(LinuxDriver driver, TestNetwork network) {
        super(driver);
        this.driver = driver;
        this.network = network;
    }

    LinuxDriver driver() {
        return driver;
    }

    @Override
    public Adapter createAdapter(String name, String tunnelType, UUID guid) {
        return watched(super.createAdapter(name, tunnelType, guid));
    }

    @Override
    public Adapter openAdapter(String name) {
        return watched(super.openAdapter(name));
    }

    private Adapter watched(Adapter adapter) {
        network.watch(((LinuxAdapter) adapter).interfaceIndex());
        return adapter;
    }
}
