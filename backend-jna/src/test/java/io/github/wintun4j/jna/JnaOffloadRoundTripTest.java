// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxOffloadRoundTripTest;

/** Bulk TCP and UDP segmentation offload through the Linux kernel and real TUN devices, with the Jna binding. */
class JnaOffloadRoundTripTest extends LinuxOffloadRoundTripTest {

    @Override
    protected LinuxBackend backend() {
        return JnaBackend.linux();
    }
}
