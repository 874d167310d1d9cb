// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxContractTest;

/** The whole contract kit on real TUN devices through the Ffm binding, with sessions that do not ask for offloads. */
class FfmNoOffloadContractTest extends LinuxContractTest {

    @Override
    protected LinuxBackend backend() {
        return FfmBackend.linux();
    }

    @Override
    protected boolean offloads() {
        return false;
    }
}
