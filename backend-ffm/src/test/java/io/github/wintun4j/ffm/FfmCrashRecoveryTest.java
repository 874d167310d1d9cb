// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxCrashRecoveryTest;

/** {@link LinuxCrashRecoveryTest} with the FFM binding of /dev/net/tun. */
class FfmCrashRecoveryTest extends LinuxCrashRecoveryTest {

    @Override
    protected LinuxBackend backend() {
        return FfmBackend.linux();
    }
}
