// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsReadWaitTest;

/** {@link WindowsReadWaitTest} through the JNA binding of wintun.dll, against the wintun ABI simulator. */
class JnaWindowsReadWaitTest extends WindowsReadWaitTest {

    @Override
    protected CrossPlatformBackend backend() {
        return new JnaBackend();
    }
}
