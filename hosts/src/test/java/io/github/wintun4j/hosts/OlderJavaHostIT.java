// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.hosts;

import io.github.wintun4j.assembly.testkit.OlderJava;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that ships the mock, JNA and FFM jars starts on Java 17 (else 21), on the class path and on
 * the module path: {@code Wintun.open()} picks JNA, and {@code Wintun.backends()} lists FFM as
 * unusable, saying it needs Java 22. (Before the FFM jar was a multi-release jar, the JVM did not
 * start on the module path, and {@code backends()} threw on the class path.)
 */
class OlderJavaHostIT {

    private static Path olderJava;

    @BeforeAll
    static void findAnOlderJava() {
        olderJava = OlderJava.find().orElse(null);
        if (olderJava == null) {
            ChildJvm.missing(OlderJava.missing());
        }
    }

    @Test
    void onTheClassPath() throws Exception {
        String classPath = ChildJvm.pathOf(ChildJvm.jars("java17")) + File.pathSeparator + ChildJvm.hostClasses();
        check(ChildJvm.run(ChildJvm.command(olderJava, "-cp", classPath, ListBackends.class.getName())));
    }

    @Test
    void onTheModulePath() throws Exception {
        // Every jar a module: the JVM reads each descriptor as it starts, FFM's included.
        check(ChildJvm.run(ChildJvm.command(olderJava, "--module-path", ChildJvm.pathOf(ChildJvm.jars("java17")),
                "--add-modules", "ALL-MODULE-PATH", "-cp", ChildJvm.hostClasses(), ListBackends.class.getName())));
    }

    private static void check(String output) {
        Matcher version = Pattern.compile("(?m)^java (\\d+)$").matcher(output);
        assertThat(version.find()).as("the child's Java version in:%n%s", output).isTrue();
        String feature = version.group(1);
        assertThat(Integer.parseInt(feature)).isLessThan(22);
        assertThat(output)
                .contains("backend ffm unusable: needs Java 22 or newer (java.lang.foreign); this is Java " + feature)
                .contains("backend jna usable")
                .contains("open() -> jna")
                .contains("open(ffm) -> WintunException: ")
                .contains("backend 'ffm' cannot run here: needs Java 22 or newer (java.lang.foreign); this is Java " + feature)
                .doesNotContain("UnsupportedClassVersionError", "Exception in thread");
    }
}
