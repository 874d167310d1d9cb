// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.karaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An unpacked Apache Karaf run as {@code bin/karaf server}, a child process in this JVM's network
 * namespace, driven through {@code bin/client} (Karaf's SSH client, on localhost inside that
 * namespace). Every wait is bounded.
 *
 * <p>Before the start, Karaf is set up as a test needs it: pax-url reads {@code mvn:} URLs from
 * Karaf's {@code system/} folder and the provisioned repository only, offline, never from the
 * user's {@code ~/.m2}; and the SSH login {@code karaf}/{@code karaf} is enabled (commented out in
 * the distribution) so that the client can log in.
 */
final class KarafServer implements AutoCloseable {

    private static final String USER = "karaf";

    private final Path home;
    private final Path javaHome;
    private final Path console;
    private final Process process;

    private KarafServer(Path home, Path javaHome, Path console, Process process) {
        this.home = home;
        this.javaHome = javaHome;
        this.console = console;
        this.process = process;
    }

    /**
     * @param home       the unpacked Karaf
     * @param javaHome   the Java Karaf runs on
     * @param repository the provisioned repository, in Maven layout
     * @return the started server (its SSH console may not be up yet: the client retries)
     */
    static KarafServer start(Path home, Path javaHome, Path repository) throws IOException {
        provisionFrom(home, repository);
        Files.writeString(home.resolve("etc/users.properties"),
                "\n" + USER + " = " + USER + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        Path console = home.resolve("console.log");
        Process process = script(home, javaHome, "bin/karaf", "server")
                .redirectOutput(console.toFile())
                .start();
        return new KarafServer(home, javaHome, console, process);
    }

    /** A Karaf script run by {@code sh} (unpacking may lose the executable bit) on {@code javaHome}, stdin empty. */
    private static ProcessBuilder script(Path home, Path javaHome, String... command) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh");
        builder.command().addAll(List.of(command));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        // Karaf's scripts honour these: nothing from the environment of the build may leak in.
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("EXTRA_JAVA_OPTS");
        builder.environment().remove("KARAF_OPTS");
        return builder.directory(home.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    /** Replaces Karaf's pax-url configuration: its own system/ folder and the provisioned repository, nothing remote. */
    private static void provisionFrom(Path home, Path repository) throws IOException {
        Path settings = home.resolve("etc/no-repositories-settings.xml");
        Files.writeString(settings, "<settings><offline>true</offline></settings>\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "# Written by the test: no remote repository, no ~/.m2, offline.",
                "org.ops4j.pax.url.mvn.settings = " + settings.toUri(),
                "org.ops4j.pax.url.mvn.localRepository = " + repository,
                "org.ops4j.pax.url.mvn.defaultRepositories = ${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots",
                "org.ops4j.pax.url.mvn.repositories =",
                "org.ops4j.pax.url.mvn.useFallbackRepositories = false",
                "org.ops4j.pax.url.mvn.offline = true",
                ""), StandardCharsets.ISO_8859_1);
    }

    /**
     * Runs Karaf shell commands, one a line, in one client session (so that a {@code config:edit}
     * session spans the lines up to its {@code config:update}).
     *
     * @return what the client printed; fails when the client fails or takes longer than {@code timeout}
     */
    String run(String commands, Duration timeout) throws IOException, InterruptedException {
        // Batch mode (-b), the commands on standard input: Karaf 4.4.10's client closes the session
        // at once ("Closed", exit 1) when given the command as an argument without a terminal.
        // It retries its connection (-r attempts, -d seconds apart) while Karaf starts its SSH console.
        // The output goes to a file, so that a client that hangs cannot block this thread past the timeout.
        Path output = Files.createTempFile(home, "client-", ".out");
        Process client = script(home, javaHome, "bin/client", "-u", USER, "-p", USER, "-r", "60", "-d", "1", "-b")
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(output.toFile())
                .start();
        try (var in = client.getOutputStream()) {
            in.write((commands + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            client.descendants().forEach(ProcessHandle::destroyForcibly);
            client.destroyForcibly();
            throw new AssertionError("bin/client did not finish within " + timeout + ": " + commands + diagnostics());
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (client.exitValue() != 0 || text.contains("Error executing command")) {
            throw new AssertionError("bin/client \"" + commands + "\" failed (exit " + client.exitValue() + "):\n" + text + diagnostics());
        }
        return text;
    }

    /**
     * Runs {@code commands} until their output satisfies {@code expected}, at most until {@code timeout}.
     *
     * @return the first output that did
     */
    String await(String commands, Predicate<String> expected, String what, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        do {
            last = run(commands, timeout);
            if (expected.test(last)) {
                return last;
            }
        } while (System.nanoTime() < deadline && process.isAlive());
        throw new AssertionError(what + ": not within " + timeout + "; \"" + commands + "\" printed:\n" + last + diagnostics());
    }

    /** Waits, at most {@code timeout}, until Karaf's standard output (where the demo prints) has a line containing {@code text}. */
    void awaitConsole(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!consoleLines().stream().anyMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("Karaf's console has no line with \"" + text + "\" within " + timeout + diagnostics());
            }
            Thread.sleep(200);
        }
    }

    /** @return the lines of Karaf's standard output and error so far */
    List<String> consoleLines() throws IOException {
        return Files.readAllLines(console, StandardCharsets.UTF_8);
    }

    /** @return the last lines of the console and of Karaf's log, for a failure's message */
    String diagnostics() {
        return "\n--- " + console + " (end) ---\n" + tail(console) + "\n--- data/log/karaf.log (end) ---\n"
                + tail(home.resolve("data/log/karaf.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** Shuts Karaf down (its own shutdown, then by force), waiting at most a minute. */
    @Override
    public void close() {
        try {
            try {
                if (process.isAlive()) {
                    run("system:shutdown -f", Duration.ofSeconds(30));
                }
            } catch (AssertionError | IOException e) {
                // The session may end with the shutdown it asked for: the wait below tells.
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                destroy();
            }
        } catch (InterruptedException e) {
            destroy();
            Thread.currentThread().interrupt();
        }
    }

    private void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
