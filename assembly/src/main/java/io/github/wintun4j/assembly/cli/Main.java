package io.github.wintun4j.assembly.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The {@code wintun4j} command line: {@code demo} (the port of Wintun's example program) and
 * {@code backends}. This is the jar's {@code Main-Class}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the configured command line, writing to {@code System.out} and {@code System.err};
     *         tests replace them with {@link CommandLine#setOut(PrintWriter)} and {@link CommandLine#setErr(PrintWriter)}
     */
    public static CommandLine commandLine() {
        // Writers straight over System.out / System.err (picocli's own defaults hide their errors):
        // the demo must notice when its output is gone, as in "wintun4j demo | head".
        return new CommandLine(new WintunCommand())
                .setOut(new PrintWriter(System.out, true))
                .setErr(new PrintWriter(System.err, true))
                .setExecutionExceptionHandler(new OneLineErrors());
    }
}
