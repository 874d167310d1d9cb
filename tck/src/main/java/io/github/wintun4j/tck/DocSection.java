// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A section of a Markdown file that a test generates, between {@code <!-- begin ID -->} and
 * {@code <!-- end ID -->}: the test fails when the file says something else, so that the document cannot go
 * stale, and rewrites it instead with {@code -Dwintun4j.docs.write=true}. Stateless.
 */
public final class DocSection {

    /** The system property that makes {@link #verify} rewrite the section. */
    public static final String WRITE = "wintun4j.docs.write";

    private DocSection() {
    }

    /**
     * @param file      the Markdown file, which holds the two markers
     * @param id        the section's name in the markers
     * @param generated what the section must hold, lines ending with a newline
     */
    public static void verify(Path file, String id, String generated) {
        String begin = "<!-- begin " + id + " -->\n";
        String end = "<!-- end " + id + " -->";
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            assertThat(from).as("%s holds %s", file, begin.trim()).isNotNegative();
            assertThat(to).as("%s holds %s", file, end).isGreaterThan(from);
            String current = text.substring(from + begin.length(), to);
            if (Boolean.getBoolean(WRITE)) {
                Files.writeString(file, text.substring(0, from + begin.length()) + generated + text.substring(to),
                        StandardCharsets.UTF_8);
                return;
            }
            assertThat(current).as("section %s of %s (regenerate with -D%s=true)", id, file, WRITE)
                    .isEqualTo(generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the reactor's root folder: the nearest parent of the working directory that has {@code docs/} */
    public static Path projectRoot() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isDirectory(folder.resolve("docs"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
        }
        return folder;
    }
}
