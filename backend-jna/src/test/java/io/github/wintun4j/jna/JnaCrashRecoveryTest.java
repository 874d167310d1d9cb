// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxCrashRecoveryTest;

/** {@link LinuxCrashRecoveryTest} with the JNA binding of /dev/net/tun. */
class JnaCrashRecoveryTest extends LinuxCrashRecoveryTest {

    @Override
    protected LinuxBackend backend() {
        return JnaBackend.linux();
    }
}
