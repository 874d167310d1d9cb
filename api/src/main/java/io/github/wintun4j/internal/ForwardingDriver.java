// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;

import java.util.Objects;
import java.util.UUID;

/**
 * A {@link WintunDriver} that hands every call to another one: the base of wrappers such as the
 * backends' OSGi driver services, which add only their life cycle. Thread-safe as the driver it
 * forwards to; after close, behaves as that driver does after close.
 */
public abstract class ForwardingDriver implements WintunDriver {

    private final WintunDriver driver;

    /**
     * @param driver the driver every call goes to
     * @throws NullPointerException when it is null
     */
    protected ForwardingDriver(WintunDriver driver) {
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    /** @return the driver every call goes to */
    protected final WintunDriver delegate() {
        return driver;
    }

    @Override
    public String backendName() {
        return driver.backendName();
    }

    @Override
    public Adapter createAdapter(String name, String tunnelType, UUID guid) {
        return driver.createAdapter(name, tunnelType, guid);
    }

    @Override
    public Adapter openAdapter(String name) {
        return driver.openAdapter(name);
    }

    @Override
    public DriverVersion runningDriverVersion() {
        return driver.runningDriverVersion();
    }

    @Override
    public void deleteDriver() {
        driver.deleteDriver();
    }

    @Override
    public void setLogger(WintunLogger logger) {
        driver.setLogger(logger);
    }

    @Override
    public void close() {
        driver.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + '[' + driver + ']';
    }
}
