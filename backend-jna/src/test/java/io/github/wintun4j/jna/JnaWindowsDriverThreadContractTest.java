// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsDriverThreadContractTest;

/** The whole contract kit through the JNA binding of wintun.dll, with the simulator's driver on its own threads. */
class JnaWindowsDriverThreadContractTest extends WindowsDriverThreadContractTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new JnaBackend();
    }
}
