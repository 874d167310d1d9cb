// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsDriverThreadContractTest;

/** The whole contract kit through the FFM binding of wintun.dll, with the simulator's driver on its own threads. */
class FfmWindowsDriverThreadContractTest extends WindowsDriverThreadContractTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new FfmBackend();
    }
}
