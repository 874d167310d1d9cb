// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.tck.NetworkSide;
import io.github.wintun4j.tck.WintunContractTest;

/**
 * The mock backend against the whole contract test kit. The mock runs every contract as Wintun
 * on Windows does: 127-unit names, renaming on a duplicate name, MTU 65535 at start.
 */
class MockContractTest extends WintunContractTest {

    @Override
    protected WintunDriver createDriver() {
        return new MockDriver();
    }

    @Override
    protected NetworkSide networkSide(WintunDriver driver, Adapter adapter) {
        MockNetwork network = ((MockDriver) driver).network(adapter);
        // The host responder would answer echo requests itself: the kit must see raw traffic.
        network.clearResponders();
        return new MockNetworkSide(network);
    }
}
