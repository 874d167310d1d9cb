// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads captures the way Wireshark does, with tshark: the judge of every capture the tests make.
 * Where tshark is missing, a test that needs it is skipped with the reason, except with
 * {@code CI=true}, where it fails (CI installs it: see {@code .ci/run}).
 */
public final class Tshark {

    /** What {@link #read} prints for each frame, tab-separated, in this order. */
    public static final List<String> FIELDS = List.of(
            "frame.interface_name", "frame.packet_flags_direction", "ip.src", "ip.dst", "ip.proto",
            "icmp.type", "ip.checksum.status", "icmp.checksum.status", "frame.cap_len", "frame.len");

    private final Path executable;

    private Tshark(Path executable) {
        this.executable = executable;
    }

    /** @return tshark from the PATH; skips (or in CI fails) the test when there is none */
    public static Tshark require() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "tshark");
            if (Files.isExecutable(candidate)) {
                return new Tshark(candidate);
            }
        }
        String reason = "tshark is not installed (apt-get install tshark): the capture tests read every file with it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " (CI=true: required here)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /**
     * Reads a capture and prints {@link #FIELDS} for every frame, with IP checksums checked.
     *
     * @return one line per frame, the fields split
     */
    public List<List<String>> read(Path capture) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-r", capture.toString(), "-o", "ip.check_checksum:TRUE",
                "-T", "fields", "-E", "separator=/t", "-E", "occurrence=f"));
        for (String field : FIELDS) {
            args.add("-e");
            args.add(field);
        }
        Result result = run(args);
        List<List<String>> frames = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (!line.isEmpty()) {
                frames.add(Arrays.asList(line.split("\t", -1)));
            }
        }
        return frames;
    }

    /** @return how many frames tshark reads from the file before it stops (at its end or a cut block) */
    public int countFrames(Path capture) throws IOException, InterruptedException {
        Result result = run(List.of("-r", capture.toString(), "-T", "fields", "-e", "frame.number"));
        return (int) result.out().lines().filter(line -> !line.isBlank()).count();
    }

    /** Runs tshark with {@code args} (name resolution off); fails on a timeout. */
    public Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-n"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // Small outputs only: read both streams after the process ends would risk a full pipe, so read stdout first.
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("tshark did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** What one run of tshark gave. */
    public record Result(int exitCode, String out, String err) {
    }
}
