// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxCaptureTest;

/** A capture on a real TUN device against the kernel's counters, with the JNA binding. */
class JnaCaptureTest extends LinuxCaptureTest {

    @Override
    protected LinuxBackend backend() {
        return JnaBackend.linux();
    }
}
