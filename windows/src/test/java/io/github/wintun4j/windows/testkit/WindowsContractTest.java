// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.tck.NetworkSide;
import io.github.wintun4j.tck.WintunContractTest;
import io.github.wintun4j.platform.CrossPlatformBackend;

/**
 * The whole contract kit through a backend's Windows binding, against the wintun ABI simulator: the
 * very code that runs on Windows, with the simulator in place of wintun.dll, kernel32 and IP Helper. A
 * subclass only names its backend. Wintun's own rules hold, so every default of the kit applies (127-unit
 * names, renaming on a duplicate name, MTU 65535).
 */
public abstract class WindowsContractTest extends WintunContractTest {

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @Override
    protected WintunDriver createDriver() {
        return backend().openDriver(Simulator.dll());
    }

    @Override
    protected NetworkSide networkSide(WintunDriver driver, Adapter adapter) {
        return new SimNetworkSide(adapter.luid());
    }
}
