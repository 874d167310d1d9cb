// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.demo.ConsoleLogger;
import io.github.wintun4j.demo.DemoFailure;
import io.github.wintun4j.demo.DemoOutcome;
import io.github.wintun4j.demo.DemoStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code wintun4j demo}: configures the demo component through Config Admin (backend, count,
 * capacity, pcap) and waits for the end of its run.
 *
 * <p>The component logs to standard output in example.c's format, and a failed step as one
 * {@code [!]} line on standard error. Exit codes: 0 after a clean stop, 1 when a step failed or
 * the backend is not there, 2 for a usage error. Ctrl-C stops the framework: the component ends
 * the session and removes the adapter as example.c does, then the JVM exits with the signal status.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs the port of Wintun's example program as a component in Felix: creates adapter Demo"
                + " (tunnel type Example), assigns 10.6.7.7/24, starts a session, sends an ICMP echo request from"
                + " 10.6.7.8 every second and prints every packet received, until Ctrl-C or --count echo replies.%n")
final class DemoCommand implements Callable<Integer> {

    private final Host host;

    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "mock",
            description = "The backend to run on (default: ${DEFAULT-VALUE}, the in-memory emulation: no driver,"
                    + " no administrator rights). 'wintun4j backends' lists them.")
    private String backend;

    @Option(names = "--count", paramLabel = "N",
            description = "Stop cleanly after N echo replies (default: run until Ctrl-C).")
    private Integer count;

    @Option(names = "--capacity", paramLabel = "BYTES", defaultValue = "0x400000", converter = CapacityConverter.class,
            description = "The ring capacity, a power of two from 0x20000 to 0x4000000 (default: ${DEFAULT-VALUE}).")
    private int capacity;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Capture every packet of the session to FILE, a new pcapng file (Wireshark, tshark),"
                    + " readable by you only: it holds the tunnel's traffic. An existing FILE is never replaced.")
    private Path pcap;

    @Mixin
    private VerboseOption verbose;

    DemoCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be 1 or more, got " + count);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<BackendInfo> registered = host.backends();
        String wanted = backend.trim();
        if (registered.stream().noneMatch(info -> info.name().equalsIgnoreCase(wanted))) {
            String present = registered.isEmpty() ? "none"
                    : registered.stream().map(BackendInfo::name).collect(Collectors.joining(", "));
            return report(new DemoFailure("Failed to initialize Wintun", new WintunException("Wintun.open",
                    WintunErrors.ERROR_NOT_FOUND, "no backend named '" + wanted + "' is registered; registered: "
                    + present + " (a backend that cannot run here logs why when its bundle starts)")), err);
        }
        DemoStatus status = host.startDemo(Map.of(
                DemoStatus.BACKEND, wanted,
                DemoStatus.COUNT, count == null ? 0 : count,
                DemoStatus.CAPACITY, capacity,
                // Absolute: the component does not share the shell's working directory.
                DemoStatus.PCAP, pcap == null ? "" : pcap.toAbsolutePath().toString()));
        DemoOutcome outcome = status.outcome().toCompletableFuture().get();
        if (outcome.isClean()) {
            return 0;
        }
        // The component wrote the failure's [!] line already.
        if (verbose.verbose) {
            outcome.failure().get().printStackTrace(err);
            err.flush();
        }
        return 1;
    }

    /** example.c's {@code LogError}: one {@code [!]} line naming the step, on stderr. */
    private int report(DemoFailure failure, PrintWriter err) {
        new ConsoleLogger(err).error(failure.getMessage());
        if (verbose.verbose) {
            failure.printStackTrace(err);
            err.flush();
        }
        return 1;
    }
}
