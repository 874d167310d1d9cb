// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an installed Java older than 22 (17 preferred, else 21): the environment variable
 * {@value #OVERRIDE} (a {@code java} executable) first, then the JDKs and JREs under the usual
 * install folders, recognised by their {@code release} file, not by their folder's name. For the
 * tests that run the packaged jars on the Java the FFM backend does not support (this module's
 * process tests, and {@code hosts/} through this module's test jar). Stateless.
 */
public final class OlderJava {

    /** Names the {@code java} to use, where the search would not find it. */
    public static final String OVERRIDE = "WINTUN4J_OLDER_JAVA";

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private OlderJava() {
    }

    /** @return the {@code java} of a Java 17 (else 21), or empty with no such Java installed */
    public static Optional<Path> find() {
        String override = System.getenv(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        List<Path> roots = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/local/lib/jvm"), Path.of("/opt")));
        roots.add(Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"));
        return roots.stream().flatMap(OlderJava::children)
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> feature(home) == 17 || feature(home) == 21)
                .min(Comparator.comparingInt(OlderJava::feature).thenComparing(Path::toString))
                .map(home -> home.resolve("bin/java"));
    }

    /** @return why there is none, for the skip or failure message */
    public static String missing() {
        return "no Java 17 or 21 found (looked at $" + OVERRIDE + ", /usr/lib/jvm, /usr/local/lib/jvm, /opt and"
                + " SDKMAN): install one, or name its java in " + OVERRIDE;
    }

    private static Stream<Path> children(Path root) {
        try (Stream<Path> list = Files.list(root)) {
            return list.sorted().toList().stream();
        } catch (IOException | SecurityException e) {
            return Stream.empty();
        }
    }

    private static int feature(Path home) {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
