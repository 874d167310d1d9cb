// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxDeviceTest;

/** What is particular to Linux TUN devices, checked against the kernel, with the FFM binding. */
class FfmDeviceTest extends LinuxDeviceTest {

    @Override
    protected LinuxBackend backend() {
        return FfmBackend.linux();
    }
}
