// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo.osgi;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The component's {@code pcap} property: empty for no capture, else an absolute path. */
class DemoSettingsPcapTest {

    @Test
    void emptyMeansNoCapture() {
        assertThat(DemoSettings.of(config("")).options().pcap()).isNull();
        assertThat(DemoSettings.of(config("  ")).options().pcap()).isNull();
    }

    @Test
    void anAbsolutePathIsTheCaptureFile() {
        Path file = Path.of("/tmp/demo.pcapng").toAbsolutePath();
        assertThat(DemoSettings.of(config(file.toString())).options().pcap()).isEqualTo(file);
    }

    @Test
    void aRelativePathIsRefusedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> DemoSettings.of(config("demo.pcapng")))
                .withMessageContaining("pcap 'demo.pcapng' must be an absolute path");
    }

    /** The configuration Config Admin would give: every default, and this pcap. */
    private static DemoComponent.Config config(String pcap) {
        return (DemoComponent.Config) Proxy.newProxyInstance(DemoComponent.Config.class.getClassLoader(),
                new Class<?>[] {DemoComponent.Config.class},
                (proxy, method, args) -> method.getName().equals("pcap") ? pcap : method.getDefaultValue());
    }
}
