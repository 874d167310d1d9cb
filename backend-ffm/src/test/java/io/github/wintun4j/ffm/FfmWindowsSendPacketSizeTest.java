// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.testkit.WindowsSendPacketSizeTest;

/** {@link WindowsSendPacketSizeTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsSendPacketSizeTest extends WindowsSendPacketSizeTest {

    @Override
    protected Object binder() {
        return new FfmWindows();
    }
}
