// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the distribution in a JVM of its own, as a user starts it; its output and exit code.
 *
 * @param exitCode the process's exit code
 * @param out      what it wrote on standard output
 * @param err      what it wrote on standard error
 */
record Run(int exitCode, String out, String err) {

    private static final long TIMEOUT_SECONDS = 60;

    /** @return the runnable jar the build made */
    static Path runnableJar() {
        return Path.of(System.getProperty("wintun4j.runnable.jar", "target/wintun4j-assembly.jar"));
    }

    /** @return this JVM's java, with the options a JDK 24+ needs to start Felix quietly */
    static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        return command;
    }

    /** Runs {@code java -jar <runnable jar> args} to its end. */
    static Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = java();
        command.add("-jar");
        command.add(runnableJar().toString());
        command.addAll(List.of(args));
        return of(new ProcessBuilder(command));
    }

    /** Runs {@code <java> -jar <runnable jar> args} to its end, on another Java (no option added). */
    static Run jarOn(Path java, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", runnableJar().toString()));
        command.addAll(List.of(args));
        return of(new ProcessBuilder(command));
    }

    /** Runs the process to its end, with standard input closed. */
    static Run of(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        StreamCollector out = StreamCollector.start(process.getInputStream());
        StreamCollector err = StreamCollector.start(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no end after " + TIMEOUT_SECONDS + " s: " + builder.command());
        }
        return new Run(process.exitValue(), out.text(), err.text());
    }

    /** Reads a stream on a thread of its own, so that neither pipe can fill up and block the process. */
    static final class StreamCollector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private StreamCollector(InputStream in) {
            thread = new Thread(() -> {
                try {
                    in.transferTo(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        static StreamCollector start(InputStream in) {
            StreamCollector collector = new StreamCollector(in);
            collector.thread.start();
            return collector;
        }

        String text() throws InterruptedException {
            thread.join();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
