// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.mock.MockDriver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The line {@code wintun:adapters} prints for an adapter of the shell, the offload state among it. */
class ShellAdapterDescriptionTest {

    @Test
    void aMockSessionIsDescribedWithOffloadsOff() {
        try (MockDriver driver = new MockDriver()) {
            Adapter adapter = driver.createAdapter("Shell1", "wintun4j", null);
            try (ShellAdapter running = ShellAdapter.start("mock", adapter, WintunConstants.MIN_RING_CAPACITY)) {
                assertThat(running.offloads()).isEqualTo("offloads off");
                assertThat(running.describe())
                        .startsWith("Shell1           mock   running       offloads off {" + adapter.guid() + "}")
                        .endsWith(String.format("LUID 0x%016x", adapter.luid()));
            }
        }
    }
}
