// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the demo's log output back: checks each line's format and takes the messages out. */
public final class DemoLines {

    /** example.c's {@code %04u-%02u-%02u %02u:%02u:%02u.%04u [%c] %s}, the fraction being milliseconds. */
    public static final Pattern LINE =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.0\\d{3}) \\[([+!-])\\] (.*)");

    /** The line printed for each answer of the host to the demo's ping. */
    public static final String ECHO_REPLY = "Received IPv4 ICMP echo reply from 10.6.7.7 to 10.6.7.8";

    private DemoLines() {
    }

    /**
     * @param output everything the logger wrote
     * @return the messages, in order, after checking that every line has the example's format
     */
    public static List<String> messages(String output) {
        List<String> lines = output.lines().collect(Collectors.toList());
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(LINE));
        return lines.stream().map(DemoLines::message).collect(Collectors.toList());
    }

    /** @return the messages that start with {@code prefix} */
    public static List<String> withPrefix(List<String> messages, String prefix) {
        return messages.stream().filter(message -> message.startsWith(prefix)).collect(Collectors.toList());
    }

    private static String message(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new AssertionError("not a log line: " + line);
        }
        return matcher.group(3);
    }
}
