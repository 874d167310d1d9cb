// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The views of {@link Wintun#in(ModuleLayer)} and {@link Wintun#in(ClassLoader)}; real plugin folders are in hosts/. */
class WintunBackendsTest {

    @Test
    void refusesMissingArguments() {
        assertThatThrownBy(() -> Wintun.in((ModuleLayer) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("layer");
        assertThatThrownBy(() -> Wintun.in((ClassLoader) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("loader");
        WintunBackends view = Wintun.in(ModuleLayer.empty());
        assertThatThrownBy(() -> view.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> view.open(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wintun.open(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyLayerHasNoBackendAndSaysWhatToAdd() {
        WintunBackends view = Wintun.in(ModuleLayer.empty());
        assertThat(view.backends()).isEmpty();
        assertThatThrownBy(view::open).isInstanceOf(WintunException.class)
                .hasMessageContaining("add a backend such as wintun4j-backend-ffm");
    }

    @Test
    void looksInTheGivenLoaderAndReportsAProviderItCannotLoad(@TempDir Path folder) throws Exception {
        Path services = folder.resolve("META-INF/services/io.github.wintun4j.spi.WintunBackend");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.plugin.GoneBackend\n", StandardCharsets.UTF_8);
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {folder.toUri().toURL()},
                WintunBackendsTest.class.getClassLoader())) {
            WintunBackends view = Wintun.in(plugins);
            assertThat(view.backends()).singleElement().satisfies(info -> {
                assertThat(info.name()).isEqualTo("com.example.plugin.GoneBackend");
                assertThat(info.usable()).isFalse();
                assertThat(info.reason()).contains("its provider failed to load").contains("not found");
            });
            assertThat(view).hasToString("WintunBackends[class loader " + plugins + "]");
        }
        // The static methods look in the context class loader, which has no such provider.
        assertThat(Wintun.backends()).extracting(BackendInfo::name).doesNotContain("com.example.plugin.GoneBackend");
    }
}
