// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsAdapterNamesTest;

/** {@link WindowsAdapterNamesTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsAdapterNamesTest extends WindowsAdapterNamesTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new FfmBackend();
    }
}
