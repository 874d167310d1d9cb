// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

/**
 * The {@code wintun4j} distribution's {@code Main-Class}: starts Apache Felix with the
 * distribution's bundles (SCR, Config Admin, Gogo, the wintun4j bundles) and runs the command line
 * bundle's service on the main thread with the arguments; its result is the exit code.
 *
 * <p>Ctrl-C (SIGINT, SIGTERM, SIGHUP) stops the framework: every component deactivates, so the
 * demo ends its session and removes its adapter, as example.c's Ctrl-C handler does; the JVM then
 * exits with the signal's status. When the framework stops by itself (Gogo's {@code stop 0}), the
 * launcher exits with 0. A framework or bundle that does not start is one line on standard error
 * and exit code 1.
 */
public final class Launcher {

    private static final long COMMAND_LINE_TIMEOUT_MILLIS = 10_000;
    /** How long the bundles may take to stop: more than Wintun's 15 s adapter creation. */
    private static final long STOP_PATIENCE_MILLIS = 30_000;

    /** The exit status of a process ended by SIGINT (128 + 2), as a shell reports it. */
    private static final int SIGINT_STATUS = 130;

    private Launcher() {
    }

    /**
     * Starts the framework, runs the command, stops the framework, exits.
     *
     * @param args the command-line arguments, for the command line bundle
     */
    public static void main(String[] args) {
        oneLineJdkLogging();
        int exitCode;
        try {
            exitCode = run(args);
        } catch (LaunchFailure e) {
            System.err.println("wintun4j: " + e.getMessage());
            exitCode = 1;
        } catch (InterruptedException e) {
            exitCode = SIGINT_STATUS;
        }
        System.exit(exitCode);
    }

    private static int run(String[] args) throws LaunchFailure, InterruptedException {
        EmbeddedFelix felix = EmbeddedFelix.start(Distribution.locate(), verbose(args));
        AtomicBoolean commandDone = new AtomicBoolean();
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            if (!felix.stop(STOP_PATIENCE_MILLIS)) {
                System.err.println("wintun4j: the framework did not stop within " + STOP_PATIENCE_MILLIS / 1000
                        + " s; exiting without it");
            }
        }, "wintun4j-shutdown"));
        Thread watcher = new Thread(() -> {
            try {
                felix.awaitStop();
                if (!commandDone.get()) {
                    System.exit(0); // stopped from inside (stop 0 in the shell): nothing left to run
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wintun4j-framework-watch");
        watcher.setDaemon(true);
        watcher.start();

        ToIntFunction<String[]> commandLine = felix.commandLine(COMMAND_LINE_TIMEOUT_MILLIS);
        int exitCode;
        try {
            exitCode = commandLine.applyAsInt(args);
        } catch (LinkageError | IllegalStateException e) {
            // Ctrl-C stops the framework under the running command (that is how the demo ends): the
            // command line's bundle may then be gone while its last lines still load a class. The
            // JVM is exiting with the signal's status; nothing of that is the user's business.
            if (shuttingDown.get()) {
                return SIGINT_STATUS;
            }
            throw e;
        }
        commandDone.set(true);
        felix.stop(STOP_PATIENCE_MILLIS);
        return exitCode;
    }

    /**
     * @return whether the command line asks for {@code -v} / {@code --verbose} (read here too: the
     *         bundles start before the command line bundle parses the arguments)
     */
    private static boolean verbose(String[] args) {
        return Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    }

    /**
     * The JDK's logging (where {@code System.Logger} goes by default: a backend that cannot run
     * here says why through it) on one line, as {@code 2026-11-26 11:42:45.095 WARNING io.github.wintun4j.ffm: ...};
     * a format given with {@code -Djava.util.logging.SimpleFormatter.format} wins.
     */
    private static void oneLineJdkLogging() {
        String key = "java.util.logging.SimpleFormatter.format";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
    }
}
