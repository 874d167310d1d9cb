package io.github.wintun4j.assembly.cli;

import io.github.wintun4j.assembly.demo.DemoLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.assembly.demo.DemoLines.ECHO_REPLY;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run in-process with its output captured. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void demoOnTheMockStopsAfterCountRepliesWithExitCode0() {
        int exitCode = run("demo", "--count", "2");

        assertThat(exitCode).isZero();
        assertThat(err.toString()).isEmpty();
        List<String> messages = DemoLines.messages(out.toString());
        assertThat(DemoLines.withPrefix(messages, "Received")).containsExactly(ECHO_REPLY, ECHO_REPLY);
        assertThat(messages).startsWith("Wintun library loaded")
                .containsSubsequence(ECHO_REPLY, ECHO_REPLY, "Cleaning up and shutting down...");
    }

    @Test
    void anUnknownBackendIsOneClearLineAndExitCode1() {
        int exitCode = run("demo", "--backend", "nope");

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().satisfies(line -> {
            assertThat(line).matches(DemoLines.LINE);
            assertThat(line).contains("[!] Failed to initialize Wintun: ", "ERROR_NOT_FOUND", "'nope'", "mock");
        });
    }

    @Test
    void verboseAddsTheStackTrace() {
        int exitCode = run("demo", "--backend", "nope", "--verbose");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("Failed to initialize Wintun").contains("\tat ");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("demo", "--capacity", "12345")).isEqualTo(2);
        assertThat(err.toString()).contains("--capacity", "not a power of two");
        assertThat(run("demo", "--count", "0")).isEqualTo(2);
        assertThat(run("demo", "--no-such-option")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void capacityAcceptsHexAndDecimal() {
        CapacityConverter converter = new CapacityConverter();

        assertThat(converter.convert("0x400000")).isEqualTo(0x400000);
        assertThat(converter.convert("131072")).isEqualTo(0x20000);
        assertThat(converter.convert("0X4000000")).isEqualTo(0x4000000);
    }

    @Test
    void backendsListsTheMockAsAUsableEmulation() {
        int exitCode = run("backends");

        assertThat(exitCode).isZero();
        assertThat(out.toString().lines()).anySatisfy(line -> assertThat(line).matches("mock\\s+emulation\\s+usable"));
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "backends");
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--count", "--backend", "--capacity", "default: mock");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("wintun4j 0.1.0-SNAPSHOT");
    }
}
