// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import io.github.wintun4j.demo.DemoLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.github.wintun4j.demo.DemoLines.ECHO_REPLY;
import static org.assertj.core.api.Assertions.assertThat;

/** The zip: bin/, bundle/, conf/; every jar a bundle; bin/wintun4j runs the same demo. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ZipDistributionIT {

    @TempDir
    Path unzipped;

    private Path home() throws IOException {
        Path zip = Path.of(System.getProperty("wintun4j.zip", "target/wintun4j.zip"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path target = unzipped.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(unzipped)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        try (Stream<Path> top = Files.list(unzipped)) {
            return top.findFirst().orElseThrow();
        }
    }

    @Test
    void holdsBinBundleAndConf() throws IOException {
        Path home = home();

        assertThat(home.getFileName().toString()).isEqualTo("wintun4j-0.1.0-SNAPSHOT");
        assertThat(home.resolve("bin/wintun4j")).isRegularFile();
        assertThat(home.resolve("bin/wintun4j.cmd")).isRegularFile();
        assertThat(home.resolve("bin/wintun4j.jar")).isRegularFile();
        assertThat(home.resolve("conf/config.properties")).isRegularFile();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
        assertThat(home.resolve("NOTICE")).content().contains("wintun4j", "Apache Felix", "JNA", "picocli");
        assertThat(bundles(home)).extracting(path -> path.getFileName().toString()).contains(
                "org.apache.felix.scr-2.2.18.jar", "org.osgi.service.component-1.5.1.jar",
                "org.osgi.util.promise-1.3.0.jar", "org.osgi.util.function-1.2.0.jar",
                "org.apache.felix.configadmin-1.9.26.jar", "org.apache.felix.gogo.runtime-1.1.6.jar",
                "org.apache.felix.gogo.shell-1.1.4.jar", "org.apache.felix.gogo.command-1.1.2.jar",
                "wintun4j-api-0.1.0-SNAPSHOT.jar", "wintun4j-ip-0.1.0-SNAPSHOT.jar", "wintun4j-backend-mock-0.1.0-SNAPSHOT.jar",
                "wintun4j-capture-0.1.0-SNAPSHOT.jar", "wintun4j-demo-0.1.0-SNAPSHOT.jar", "wintun4j-shell-0.1.0-SNAPSHOT.jar",
                "wintun4j-cli-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void everyJarInBundleIsABundleAndTheWintun4jOnesAreMadeByBnd() throws IOException {
        for (Path jar : bundles(home())) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Attributes manifest = file.getManifest().getMainAttributes();
                assertThat(manifest.getValue("Bundle-ManifestVersion")).as(jar.toString()).isEqualTo("2");
                assertThat(manifest.getValue("Bundle-SymbolicName")).as(jar.toString()).isNotBlank();
                if (jar.getFileName().toString().startsWith("wintun4j-")) {
                    // bnd's marks: the osgi.ee requirement it computes from the class files.
                    assertThat(manifest.getValue("Require-Capability")).as(jar.toString())
                            .contains("osgi.ee=JavaSE").doesNotContain("UNKNOWN");
                }
            }
        }
    }

    @Test
    void theLauncherJarCarriesNoBundlesButTheRunnableJarDoes() throws IOException {
        Path home = home();
        assertThat(entries(home.resolve("bin/wintun4j.jar"))).noneMatch(name -> name.startsWith("bundle/"))
                .contains("io/github/wintun4j/assembly/launch/Launcher.class", "org/apache/felix/framework/Felix.class");
        assertThat(entries(Run.runnableJar())).contains("bundle/wintun4j-api-0.1.0-SNAPSHOT.jar", "conf/config.properties");
    }

    @Test
    void binWintun4jRunsTheSameDemo() throws Exception {
        Path home = home();
        Path script = home.resolve("bin/wintun4j");
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), "demo", "--count", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));

        Run run = Run.of(builder);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(DemoLines.withPrefix(DemoLines.messages(run.out()), "Received")).containsExactly(ECHO_REPLY);
    }

    private static List<Path> bundles(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("bundle"))) {
            return files.sorted().toList();
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
