// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import io.github.wintun4j.demo.DemoLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.demo.DemoLines.ECHO_REPLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar, as {@code ./wintun4j} and {@code java -jar} run it: Felix starts, the command
 * line bundle runs the command, and the demo runs as a component. Exit codes, one-line errors and
 * Ctrl-C are those of the class-path command line before it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RunnableJarIT {

    @Test
    void demoRunsTheComponentInFelixAndStopsAfterCountRepliesWithExitCode0() throws Exception {
        Run run = Run.jar("demo", "--count", "2");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        List<String> messages = DemoLines.messages(run.out());
        assertThat(DemoLines.withPrefix(messages, "Received")).containsExactly(ECHO_REPLY, ECHO_REPLY);
        assertThat(messages).startsWith("Wintun library loaded")
                .containsSubsequence(ECHO_REPLY, ECHO_REPLY, "Cleaning up and shutting down...",
                        "Ending session on adapter \"Demo\"", "Removing adapter \"Demo\"");
    }

    @Test
    void anUnknownBackendIsOneClearLineAndExitCode1() throws Exception {
        Run run = Run.jar("demo", "--backend", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().satisfies(line -> {
            assertThat(line).matches(DemoLines.LINE);
            assertThat(line).contains("[!] Failed to initialize Wintun: ", "ERROR_NOT_FOUND", "'nope'", "mock");
        });
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Run run = Run.jar("demo", "--backend", "nope", "--verbose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Failed to initialize Wintun").contains("\tat ");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Run capacity = Run.jar("demo", "--capacity", "12345");
        assertThat(capacity.exitCode()).isEqualTo(2);
        assertThat(capacity.err()).contains("--capacity", "not a power of two");
        assertThat(capacity.out()).isEmpty();
        assertThat(Run.jar("demo", "--count", "0").exitCode()).isEqualTo(2);
        assertThat(Run.jar().exitCode()).isEqualTo(2);
    }

    @Test
    void backendsListsTheMockAsAUsableEmulation() throws Exception {
        Run run = Run.jar("backends");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).matches("mock\\s+emulation\\s+usable\\s+offloads: none"));
    }

    @Test
    void helpAndVersion() throws Exception {
        assertThat(Run.jar("--help").out()).contains("demo", "backends", "shell");
        Run version = Run.jar("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("wintun4j 0.1.0-SNAPSHOT");
        // A backend that cannot run here is said by `backends` and with --verbose, not by every command.
        assertThat(version.err()).isEmpty();
    }

    @Test
    void theShellRunsGogoWithTheWintunCommandsUntilItsInputEnds() throws Exception {
        List<String> command = Run.java();
        command.addAll(List.of("-jar", Run.runnableJar().toString(), "shell"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write("wintun:backends\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        Run.StreamCollector out = Run.StreamCollector.start(process.getInputStream());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(out.text()).contains("Welcome to Apache Felix Gogo").containsPattern("mock\\s+emulation\\s+ranking\\s+-100");
    }

    @Test
    void ctrlCEndsTheSessionAndRemovesTheAdapterAsExampleCDoes() throws Exception {
        List<String> command = Run.java();
        command.addAll(List.of("-jar", Run.runnableJar().toString(), "demo"));
        Process process = new ProcessBuilder(command).start();
        Run.StreamCollector err = Run.StreamCollector.start(process.getErrorStream());
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.endsWith(ECHO_REPLY)) {
                break;
            }
        }

        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        while ((line = out.readLine()) != null) {
            lines.add(line);
        }

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the status of SIGINT").isEqualTo(130);
        assertThat(err.text()).isEmpty();
        assertThat(DemoLines.messages(String.join("\n", lines))).containsSubsequence(ECHO_REPLY,
                "Cleaning up and shutting down...", "Ending session on adapter \"Demo\"", "Removing adapter \"Demo\"");
    }
}
