// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsLoggerTest;

/** {@link WindowsLoggerTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsLoggerTest extends WindowsLoggerTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new FfmBackend();
    }
}
