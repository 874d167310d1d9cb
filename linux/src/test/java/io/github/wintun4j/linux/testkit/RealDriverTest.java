// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.RealDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the kit's tests on real TUN devices: each test gets a driver of the backend under
 * test (its logger off) inside the test JVM's own network namespace, closed with its devices after
 * the test. A subclass names its backend.
 */
public abstract class RealDriverTest {

    /** The fixtures of the running test. */
    protected RealDevices devices;
    /** The driver of the running test. */
    protected WintunDriver driver;

    /** @return the backend under test */
    protected abstract LinuxBackend backend();

    /** @return whether {@code startSession(int)} asks for offloads in these tests */
    protected boolean offloads() {
        return true;
    }

    @BeforeAll
    static void requireAnIsolatedNetwork() {
        RealDevices.requireIsolatedNetwork();
    }

    @BeforeEach
    void openTheDriver() {
        devices = RealDevices.open(backend(), offloads());
        driver = devices.driver();
        driver.setLogger(WintunLogger.off());
    }

    @AfterEach
    void closeTheDriver() {
        if (driver != null) {
            driver.close();
        }
        if (devices != null) {
            devices.close();
        }
    }
}
