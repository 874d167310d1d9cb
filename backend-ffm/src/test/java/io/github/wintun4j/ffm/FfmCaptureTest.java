// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxCaptureTest;

/** A capture on a real TUN device against the kernel's counters, with the FFM binding. */
class FfmCaptureTest extends LinuxCaptureTest {

    @Override
    protected LinuxBackend backend() {
        return FfmBackend.linux();
    }
}
