// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.windows.testkit.WindowsSendPacketSizeTest;

/** {@link WindowsSendPacketSizeTest} through the JNA binding of wintun.dll, against the wintun ABI simulator. */
class JnaWindowsSendPacketSizeTest extends WindowsSendPacketSizeTest {

    @Override
    protected Object binder() {
        return new JnaWindows();
    }
}
