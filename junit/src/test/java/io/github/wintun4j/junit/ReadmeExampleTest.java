// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README shows {@link PingAnswererTest} as it is in the build: this keeps the two the same. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsThePingAnswererTestAsItIs() throws Exception {
        String test = Files.readString(Path.of("src/test/java/io/github/wintun4j/junit/PingAnswererTest.java"));
        String shown = test.substring(test.indexOf("@WintunMockTest")).strip();
        assertThat(shown.lines().count()).as("lines of the example").isLessThan(30);
        assertThat(Files.readString(Path.of("../README.md"))).contains(shown);
    }
}
