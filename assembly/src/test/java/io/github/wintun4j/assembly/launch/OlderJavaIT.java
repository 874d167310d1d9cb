// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import io.github.wintun4j.assembly.testkit.OlderJava;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar on Java 17 (else 21), where the FFM backend cannot run: every command runs
 * without a word about it, {@code backends} lists it with the reason, and {@code --verbose} / {@code -v}
 * says it as the backends start.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OlderJavaIT {

    private static final String FFM_LINE = "ffm\\s+native\\s+unusable: needs Java 22 or newer \\(java\\.lang\\.foreign\\);"
            + " this is Java (17|21)";

    private static Path java;

    @BeforeAll
    static void findAnOlderJava() {
        java = OlderJava.find().orElse(null);
        if (java == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(OlderJava.missing() + " (CI=true: required here)");
            }
            Assumptions.abort(OlderJava.missing());
        }
    }

    @Test
    void versionSaysNothingAboutTheBackends() throws Exception {
        Run version = Run.jarOn(java, "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("wintun4j 0.1.0-SNAPSHOT").containsPattern("Java (17|21)");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void backendsListsFfmWithItsReason() throws Exception {
        Run run = Run.jarOn(java, "backends");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).matches("mock\\s+emulation\\s+usable\\s+offloads: none"))
                .anySatisfy(line -> assertThat(line).matches(FFM_LINE));
    }

    @Test
    void verboseSaysItAsTheBackendsStart() throws Exception {
        for (String flag : new String[] {"-v", "--verbose"}) {
            Run run = Run.jarOn(java, "backends", flag);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("wintun4j backend 'ffm' registers no driver: needs Java 22 or newer");
        }
    }
}
