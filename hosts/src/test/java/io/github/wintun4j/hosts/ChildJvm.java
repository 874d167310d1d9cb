// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.hosts;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a host main class in a new JVM, against the packaged jars the build copied, and returns its output. */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 120;

    private ChildJvm() {
    }

    /** @return a folder of packaged jars the build made ({@code java17}, {@code boot}, {@code plugins-jna}, ...) */
    static Path jars(String name) {
        return Path.of(System.getProperty("wintun4j.hosts.jars"), name);
    }

    /** @return the jars of that folder as a path list */
    static String pathOf(Path folder) throws IOException {
        try (Stream<Path> jars = Files.list(folder)) {
            List<String> files = jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
            Assertions.assertFalse(files.isEmpty(), "no jars in " + folder);
            return String.join(File.pathSeparator, files);
        }
    }

    /** @return the test classes (the host mains), for the child's class path */
    static String hostClasses() {
        return System.getProperty("wintun4j.hosts.classes");
    }

    /**
     * Runs the command and waits for it.
     *
     * @return its standard output and error, merged
     * @throws AssertionError when it fails or outlives the timeout, with its output
     */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Drained on another thread: a full pipe would block the child.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(reading the output failed: ").append(e).append(')');
            }
        });
        reader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join();
            throw new AssertionError("still running after " + TIMEOUT_SECONDS + " s: " + command + "\n" + output);
        }
        reader.join();
        if (process.exitValue() != 0) {
            throw new AssertionError("exit " + process.exitValue() + ": " + command + "\n" + output);
        }
        return output.toString();
    }

    /** @return a command line starting with {@code java} */
    static List<String> command(Path java, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Skips the test, or fails it in CI ({@code CI=true}), because {@code reason}. */
    static void missing(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " (CI=true: required here)");
        }
        Assumptions.abort(reason);
    }
}
