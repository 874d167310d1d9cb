// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.hosts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that loads backends from plugin folders into module layers of its own
 * ({@code Wintun.in(ModuleLayer)}): the JNA folder carries traffic on a real TUN device and is
 * closed, then the FFM folder, loaded into another layer of the same JVM, carries traffic again.
 * A third run loads the FFM folder through a class loader instead ({@code Wintun.in(ClassLoader)}).
 * The host is a child of the test JVM and so shares its network namespace, made for it.
 */
class PluginLayersIT {

    @BeforeAll
    static void requireAnIsolatedNetwork() {
        // linux/src/test/netns/bin/java says how it made the namespace, or why it could not.
        String error = System.getenv("WINTUN4J_NETNS_ERROR");
        if (error != null) {
            ChildJvm.missing("the plugin host creates TUN devices: " + error);
        }
        if (System.getenv("WINTUN4J_NETNS") == null) {
            ChildJvm.missing("the plugin host creates TUN devices: the test JVM must run in a network namespace"
                    + " of its own, under linux/src/test/netns/bin/java");
        }
    }

    @Test
    void twoPluginFoldersCarryTrafficOneAfterTheOtherWithoutARestart() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String output = ChildJvm.run(ChildJvm.command(java,
                "--module-path", ChildJvm.pathOf(ChildJvm.jars("boot")),
                "--add-modules", "io.github.wintun4j,io.github.wintun4j.ip",
                // The host grants native access to its plugin layers, for which it needs it itself.
                "--enable-native-access=ALL-UNNAMED",
                "-cp", ChildJvm.hostClasses(), PluginHost.class.getName(),
                "layer=" + ChildJvm.jars("plugins-jna"), "layer=" + ChildJvm.jars("plugins-ffm"),
                "loader=" + ChildJvm.jars("plugins-ffm")));
        assertThat(output)
                .contains("layer plugins-jna: backend jna, 3/3 echo replies")
                .contains("layer plugins-ffm: backend ffm, 3/3 echo replies")
                .contains("loader plugins-ffm: backend ffm, 3/3 echo replies")
                .doesNotContain("WARNING: A restricted method");
    }
}
