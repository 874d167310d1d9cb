// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.demo.DemoFailure;
import io.github.wintun4j.demo.DemoOutcome;
import io.github.wintun4j.demo.DemoStatus;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line over a stub framework: options, exit codes, one-line errors. The same commands
 * inside Felix run in the distribution's tests (assembly).
 */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final StubHost host = new StubHost();

    private int run(String... args) {
        CommandLine commandLine = CommandLines.create(host);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void demoConfiguresTheComponentAndExitsWith0AfterACleanEnd() {
        host.outcome = new DemoOutcome("mock", 3, Optional.empty());

        int exitCode = run("demo", "--count", "3", "--capacity", "0x20000");

        assertThat(exitCode).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(host.configurations).containsExactly(
                Map.of(DemoStatus.BACKEND, "mock", DemoStatus.COUNT, 3, DemoStatus.CAPACITY, 0x20000,
                        DemoStatus.PCAP, ""));
    }

    @Test
    void pcapGivesTheComponentAnAbsolutePath() {
        host.outcome = new DemoOutcome("mock", 1, Optional.empty());

        assertThat(run("demo", "--count", "1", "--pcap", "demo.pcapng")).isZero();
        assertThat(host.configurations.get(0)).containsEntry(DemoStatus.PCAP,
                java.nio.file.Path.of("demo.pcapng").toAbsolutePath().toString());
    }

    @Test
    void withoutCountTheDemoRunsUntilStopped() {
        host.outcome = new DemoOutcome("mock", 7, Optional.empty());

        assertThat(run("demo")).isZero();
        assertThat(host.configurations.get(0)).containsEntry(DemoStatus.COUNT, 0);
    }

    @Test
    void aFailedRunIsExitCode1AndTheComponentHasSaidWhy() {
        host.outcome = new DemoOutcome("mock", 0,
                Optional.of(new DemoFailure("Failed to start session", new IllegalStateException("no"))));

        assertThat(run("demo", "--count", "1")).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        assertThat(run("demo", "--count", "1", "--verbose")).isEqualTo(1);
        assertThat(err.toString()).contains("Failed to start session: no").contains("\tat ");
    }

    @Test
    void anUnknownBackendIsOneClearLineAndExitCode1() {
        int exitCode = run("demo", "--backend", "nope");

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(host.configurations).isEmpty();
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line).contains(
                "[!] Failed to initialize Wintun: ", "ERROR_NOT_FOUND", "'nope'", "registered: mock"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("demo", "--capacity", "12345")).isEqualTo(2);
        assertThat(err.toString()).contains("--capacity", "not a power of two");
        assertThat(run("demo", "--count", "0")).isEqualTo(2);
        assertThat(run("demo", "--no-such-option")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(host.configurations).isEmpty();
    }

    @Test
    void capacityAcceptsHexAndDecimal() {
        CapacityConverter converter = new CapacityConverter();

        assertThat(converter.convert("0x400000")).isEqualTo(0x400000);
        assertThat(converter.convert("131072")).isEqualTo(0x20000);
        assertThat(converter.convert("0X4000000")).isEqualTo(0x4000000);
    }

    @Test
    void backendsListsTheRegisteredDrivers() {
        host.backends.add(0, new BackendInfo("ffm", true, true, ""));

        assertThat(run("backends")).isZero();
        assertThat(out.toString().lines()).containsExactly("ffm   native     usable  offloads: none",
                "mock  emulation  usable  offloads: none");
    }

    @Test
    void backendsSayWhichOffloadsASessionWouldGet() {
        host.backends.add(0, new BackendInfo("ffm", true, true, ""));
        host.backends.add(1, new BackendInfo("jna", true, true, ""));
        host.offloads.put("ffm", List.of("checksum", "TSO", "USO"));
        host.offloads.put("jna", List.of("checksum", "TSO"));

        assertThat(run("backends")).isZero();
        assertThat(out.toString().lines()).containsExactly("ffm   native     usable  offloads: checksum, TSO, USO",
                "jna   native     usable  offloads: checksum, TSO",
                "mock  emulation  usable  offloads: none");
    }

    @Test
    void backendsListsABackendThatCannotRunHereWithItsReason() {
        host.backends.add(new BackendInfo("ffm", true, false, "needs Java 22 or newer (java.lang.foreign); this is Java 17"));

        assertThat(run("backends")).isZero();
        assertThat(out.toString().lines()).containsExactly("mock  emulation  usable  offloads: none",
                "ffm   native     unusable: needs Java 22 or newer (java.lang.foreign); this is Java 17");
    }

    @Test
    void backendsWithNoUsableOneIsExitCode1() {
        host.backends.set(0, new BackendInfo("jna", true, false, "not permitted to open /dev/net/tun"));

        assertThat(run("backends")).isEqualTo(1);
        assertThat(out.toString()).contains("jna  native     unusable: not permitted");
        assertThat(err.toString()).contains("no backend registered");
    }

    @Test
    void backendsWithNoneIsExitCode1() {
        host.backends.clear();

        assertThat(run("backends")).isEqualTo(1);
        assertThat(err.toString()).contains("no backend registered");
    }

    @Test
    void shellRunsTheConsole() {
        assertThat(run("shell")).isZero();
        assertThat(host.shells).isEqualTo(1);
    }

    @Test
    void aFailureNobodyReportedIsOneLineWithExitCode1() {
        host.shellFailure = new IllegalStateException("the Gogo runtime did not start within 10 s");

        assertThat(run("shell")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("wintun4j: the Gogo runtime did not start within 10 s" + System.lineSeparator());
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "backends", "shell");
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--count", "--backend", "--capacity", "default: mock");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("wintun4j 0.1.0-SNAPSHOT");
    }

    /** A framework with the mock registered and a demo component that ends as told. */
    private static final class StubHost implements Host {
        final List<BackendInfo> backends = new ArrayList<>(List.of(new BackendInfo("mock", false, true, "")));
        final Map<String, List<String>> offloads = new HashMap<>();
        final List<Map<String, Object>> configurations = new ArrayList<>();
        DemoOutcome outcome = new DemoOutcome("mock", 0, Optional.empty());
        int shells;
        RuntimeException shellFailure;

        @Override
        public List<BackendInfo> backends() {
            return backends;
        }

        @Override
        public List<String> offloads(String backend) {
            return offloads.getOrDefault(backend, List.of());
        }

        @Override
        public DemoStatus startDemo(Map<String, Object> configuration) {
            configurations.add(configuration);
            return new DemoStatus() {
                @Override
                public String runningBackend() {
                    return "";
                }

                @Override
                public int echoReplies() {
                    return outcome.echoReplies();
                }

                @Override
                public CompletionStage<DemoOutcome> outcome() {
                    return CompletableFuture.completedFuture(outcome);
                }
            };
        }

        @Override
        public void runShell() {
            if (shellFailure != null) {
                throw shellFailure;
            }
            shells++;
        }
    }
}
