// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsLoggerTest;

/** {@link WindowsLoggerTest} through the JNA binding of wintun.dll, against the wintun ABI simulator. */
class JnaWindowsLoggerTest extends WindowsLoggerTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new JnaBackend();
    }
}
