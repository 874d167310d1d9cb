// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java that Karaf 4.4 runs on. The build itself needs Java 22 or later, which Karaf 4.4
 * refuses: from Java 24 its {@code bin/inc} passes {@code -Djava.security.manager=allow} and the
 * JVM does not start (apache/karaf #2128). The supported long-term releases below that are 17 and
 * 21; 17 is preferred, as the oldest Java the jars promise to run on.
 */
final class KarafJava {

    /** The Java feature releases Karaf 4.4 is tested on here, in order of preference. */
    private static final List<Integer> RELEASES = List.of(17, 21);

    private KarafJava() {
    }

    /**
     * @return the home of a JDK or JRE 17 or 21: from {@code JAVA_HOME_17_X64} or
     *         {@code JAVA_HOME_21_X64} (set on CI runners), else under {@code /usr/lib/jvm}
     */
    static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        for (int release : RELEASES) {
            String fromEnvironment = System.getenv("JAVA_HOME_" + release + "_X64");
            if (fromEnvironment != null) {
                candidates.add(Path.of(fromEnvironment));
            }
        }
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> homes = Files.list(installed)) {
                homes.sorted().forEach(candidates::add);
            } catch (IOException e) {
                // Unreadable: only the environment's candidates remain.
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> RELEASES.contains(release(home)))
                .min(Comparator.comparingInt(home -> RELEASES.indexOf(release(home))));
    }

    /** @return the feature release a JDK's {@code release} file names, or 0 when it cannot be read */
    private static int release(Path home) {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
        int end = version.indexOf('.');
        try {
            return Integer.parseInt(end < 0 ? version : version.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
