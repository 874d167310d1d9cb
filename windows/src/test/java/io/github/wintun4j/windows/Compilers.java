// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.windows.testkit.Requirements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a C compiler at test time and reads constants out of its assembly listing ({@code -S}): every
 * {@code const unsigned long long probe_NAME = value;} becomes a label followed by {@code .quad value}
 * ({@code .zero 8} or {@code .space 8} when it is 0).
 */
final class Compilers {

    /** The cross-compiler of the mingw-w64 Debian package, with the Windows headers. */
    static final String MINGW = "x86_64-w64-mingw32-gcc";
    /** The machine's compiler. */
    static final String HOST = "gcc";

    private static final Pattern LABEL = Pattern.compile("^probe_(\\w+):$");
    private static final Pattern VALUE = Pattern.compile("^\\s*\\.(quad|zero|space)\\s+(\\d+)");

    private Compilers() {
    }

    /** @return the C sources of the windows module's tests */
    static Path sources() {
        return Paths.get(System.getProperty("user.dir")).resolve("src/test/c");
    }

    /**
     * @return the probes of {@code source} compiled by {@code compiler}, or skips (fails in CI) when the
     *         compiler is not installed
     */
    static Map<String, Long> probes(String compiler, Path source) throws IOException, InterruptedException {
        Path listing = Files.createTempFile("probe", ".s");
        List<String> command = new ArrayList<>(List.of(compiler, "-S", "-O0", "-o", listing.toString(), source.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Requirements.missing(compiler + " is not installed (Debian: apt-get install "
                    + (compiler.equals(MINGW) ? "gcc-mingw-w64-x86-64" : "gcc") + "): " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        Map<String, Long> probes = new HashMap<>();
        String name = null;
        for (String line : Files.readAllLines(listing)) {
            Matcher label = LABEL.matcher(line.trim());
            if (label.matches()) {
                name = label.group(1);
                continue;
            }
            Matcher value = VALUE.matcher(line);
            if (name != null && value.find()) {
                probes.put(name, value.group(1).equals("quad") ? Long.parseUnsignedLong(value.group(2)) : 0L);
                name = null;
            }
        }
        Files.delete(listing);
        return probes;
    }
}
