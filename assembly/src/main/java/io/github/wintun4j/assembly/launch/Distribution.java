// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where the bundles and the framework properties come from: a distribution folder
 * ({@code bundle/*.jar}, {@code conf/config.properties}), or the same two inside the runnable jar.
 *
 * <p>The folder is the system property {@value #HOME_PROPERTY} when set (the {@code bin/wintun4j}
 * script sets it), else the jar's own entries when it carries bundles, else the folder above the
 * jar's folder ({@code bin/..}) when it has a {@code bundle/} folder.
 */
final class Distribution {

    /** The system property naming the distribution folder. */
    static final String HOME_PROPERTY = "wintun4j.home";

    private static final String BUNDLE_FOLDER = "bundle/";
    private static final String CONFIG = "conf/config.properties";

    /** One bundle: a name for messages and locations, and how to read it. */
    record BundleJar(String name, Opener opener) {
    }

    /** Opens a bundle's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final String description;
    private final List<BundleJar> bundles;
    private final Properties properties;

    private Distribution(String description, List<BundleJar> bundles, Properties properties) {
        this.description = description;
        this.bundles = bundles;
        this.properties = properties;
    }

    /**
     * @return the distribution this launcher belongs to
     * @throws LaunchFailure when there is none, saying where it looked
     */
    static Distribution locate() throws LaunchFailure {
        try {
            String home = System.getProperty(HOME_PROPERTY);
            if (home != null && !home.isBlank()) {
                return fromFolder(Path.of(home));
            }
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)) {
                Distribution embedded = fromJar(jar);
                if (!embedded.bundles.isEmpty()) {
                    return embedded;
                }
            }
            Path parent = jar.toAbsolutePath().getParent();
            if (parent != null && parent.getParent() != null && Files.isDirectory(parent.getParent().resolve(BUNDLE_FOLDER))) {
                return fromFolder(parent.getParent());
            }
            throw new LaunchFailure("no bundles: " + jar + " carries none and no bundle/ folder is beside it;"
                    + " run the runnable jar, or bin/wintun4j of the distribution, or set -D" + HOME_PROPERTY);
        } catch (IOException e) {
            throw new LaunchFailure("cannot read the distribution: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new LaunchFailure("cannot locate the launcher jar: " + e.getMessage(), e);
        }
    }

    private static Distribution fromFolder(Path home) throws IOException, LaunchFailure {
        Path folder = home.resolve(BUNDLE_FOLDER);
        if (!Files.isDirectory(folder)) {
            throw new LaunchFailure("no bundle folder " + folder + " in the distribution " + home);
        }
        List<BundleJar> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().forEach(file ->
                    bundles.add(new BundleJar(file.getFileName().toString(), () -> Files.newInputStream(file))));
        }
        Properties properties = new Properties();
        Path config = home.resolve(CONFIG);
        if (Files.isRegularFile(config)) {
            try (InputStream in = Files.newInputStream(config)) {
                properties.load(in);
            }
        }
        return new Distribution(home.toString(), bundles, properties);
    }

    private static Distribution fromJar(Path jar) throws IOException {
        List<BundleJar> bundles = new ArrayList<>();
        Properties properties = new Properties();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith(BUNDLE_FOLDER) && name.endsWith(".jar") && name.indexOf('/', BUNDLE_FOLDER.length()) < 0) {
                    bundles.add(new BundleJar(name.substring(BUNDLE_FOLDER.length()), () -> openEntry(jar, name)));
                }
            }
            JarEntry config = file.getJarEntry(CONFIG);
            if (config != null) {
                try (InputStream in = file.getInputStream(config)) {
                    properties.load(in);
                }
            }
        }
        bundles.sort((a, b) -> a.name().compareTo(b.name()));
        return new Distribution(jar.toString(), bundles, properties);
    }

    /** Reads one entry fully, so that the jar is closed again at once. */
    private static InputStream openEntry(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getJarEntry(name))) {
            return new ByteArrayInputStream(in.readAllBytes());
        }
    }

    /** @return where the distribution is, for messages */
    String description() {
        return description;
    }

    /** @return the bundles, in name order (the order they start in) */
    List<BundleJar> bundles() {
        return bundles;
    }

    /** @return the framework properties of {@code conf/config.properties}; a copy */
    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
