// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.testkit.LinuxContractTest;

/** The whole contract kit on real TUN devices through the JNA binding, with offloads (the default). */
class JnaContractTest extends LinuxContractTest {

    @Override
    protected LinuxBackend backend() {
        return JnaBackend.linux();
    }
}
