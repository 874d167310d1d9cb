package io.github.wintun4j.assembly.cli;

import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.assembly.demo.ConsoleLogger;
import io.github.wintun4j.assembly.demo.DemoFailure;
import io.github.wintun4j.assembly.demo.DemoOptions;
import io.github.wintun4j.assembly.demo.ExampleTunnel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code wintun4j demo}: opens a backend, runs {@link ExampleTunnel} on it, closes it.
 *
 * <p>The log goes to standard output. example.c writes it to stderr; the port uses stdout so that
 * {@code wintun4j demo | grep Received} works, and keeps stderr for the one-line failure report.
 * Exit codes: 0 after a clean stop, 1 when a step failed, 2 for a usage error; Ctrl-C ends the
 * JVM after the cleanup with the usual signal status.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs the port of Wintun's example program: creates adapter Demo (tunnel type Example),"
                + " assigns 10.6.7.7/24, starts a session, sends an ICMP echo request from 10.6.7.8 every"
                + " second and prints every packet received, until Ctrl-C or --count echo replies.%n")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "mock",
            description = "The backend to open (default: ${DEFAULT-VALUE}, the in-memory emulation: no driver,"
                    + " no administrator rights). 'wintun4j backends' lists them.")
    private String backend;

    @Option(names = "--count", paramLabel = "N",
            description = "Stop cleanly after N echo replies (default: run until Ctrl-C).")
    private Integer count;

    @Option(names = "--capacity", paramLabel = "BYTES", defaultValue = "0x400000", converter = CapacityConverter.class,
            description = "The ring capacity, a power of two from 0x20000 to 0x4000000 (default: ${DEFAULT-VALUE}).")
    private int capacity;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be 1 or more, got " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleLogger log = new ConsoleLogger(out);
        DemoOptions options = new DemoOptions(capacity, count == null ? 0 : count);

        WintunDriver driver;
        try {
            driver = Wintun.open(backend);
        } catch (RuntimeException e) {
            return report(new DemoFailure("Failed to initialize Wintun", e), err);
        }
        ExampleTunnel tunnel = new ExampleTunnel(driver, log, options);
        CleanupOnExit cleanup = CleanupOnExit.install(tunnel::stop, err);
        try {
            tunnel.run();
            return 0;
        } catch (DemoFailure failure) {
            return report(failure, err);
        } finally {
            driver.close();
            cleanup.close();
        }
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
