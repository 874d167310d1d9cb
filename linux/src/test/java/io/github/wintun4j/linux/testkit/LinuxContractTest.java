// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.RealDevices;
import io.github.wintun4j.tck.NetworkSide;
import io.github.wintun4j.tck.WintunContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole contract kit on real TUN devices, for a backend that binds the Linux support: a
 * subclass only names its backend. Every test runs in the network namespace the test JVM was
 * started in; the network side is played through the kernel ({@code LinuxNetworkSide}).
 *
 * <p>Where Linux differs from Wintun, the kit's hooks say so: names hold at most 15 bytes, and a
 * new adapter with the name of an existing interface fails with {@code ERROR_ALREADY_EXISTS}
 * rather than renaming it. The initial MTU is Wintun's 65535, as the kit expects by default.
 */
public abstract class LinuxContractTest extends WintunContractTest {

    private RealDevices devices;

    /** @return the backend under test */
    protected abstract LinuxBackend backend();

    @BeforeAll
    static void requireAnIsolatedNetwork() {
        RealDevices.requireIsolatedNetwork();
    }

    @Override
    protected WintunDriver createDriver() {
        devices = RealDevices.open(backend());
        return devices.driver();
    }

    @Override
    protected NetworkSide networkSide(WintunDriver driver, Adapter adapter) {
        return devices.networkSide(adapter);
    }

    @Override
    protected int maxAdapterNameLength() {
        return RealDevices.maxNameBytes();
    }

    @Override
    protected boolean renamesOnDuplicateName() {
        return false;
    }

    @AfterEach
    void closeTheTestNetwork() {
        if (devices != null) {
            devices.close();
        }
    }
}
