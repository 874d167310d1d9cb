// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsFaultInjectionTest;

/** {@link WindowsFaultInjectionTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsFaultInjectionTest extends WindowsFaultInjectionTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new FfmBackend();
    }
}
