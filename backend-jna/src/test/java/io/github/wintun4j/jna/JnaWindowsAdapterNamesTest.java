// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsAdapterNamesTest;

/** {@link WindowsAdapterNamesTest} through the JNA binding of wintun.dll, against the wintun ABI simulator. */
class JnaWindowsAdapterNamesTest extends WindowsAdapterNamesTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new JnaBackend();
    }
}
