// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxRoundTripTest;

/** UDP, ICMP and a flood through the Linux kernel and a real TUN device, with the FFM binding. */
class FfmRoundTripTest extends LinuxRoundTripTest {

    @Override
    protected LinuxBackend backend() {
        return FfmBackend.linux();
    }
}
