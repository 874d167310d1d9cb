// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsLoadingTest;

/** {@link WindowsLoadingTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsLoadingTest extends WindowsLoadingTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new FfmBackend();
    }
}
