// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The echo requests the kernel of this process's network namespace has sent so far: the
 * {@code OutEchos} counter of the {@code Icmp:} lines of {@code /proc/net/snmp}, which counts every
 * request that ping hands to the kernel, whether or not a device then takes it. The soak's session
 * churn judges a silent session by it: a session that received nothing is a defect only when the
 * kernel sent requests while it lived, not when the ping itself was not scheduled (issue 16).
 *
 * <p>Stateless; thread-safe.
 */
final class IcmpEchoCounter {

    private static final Path SNMP = Path.of("/proc/net/snmp");

    private IcmpEchoCounter() {
    }

    /** @return the echo requests sent so far in this namespace */
    static long outEchos() {
        List<String> lines;
        try {
            lines = Files.readAllLines(SNMP);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SNMP, e);
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            // A header line of names, then a line of values with the same prefix.
            if (lines.get(i).startsWith("Icmp:") && lines.get(i + 1).startsWith("Icmp:")) {
                String[] names = lines.get(i).trim().split("\\s+");
                String[] values = lines.get(i + 1).trim().split("\\s+");
                for (int k = 1; k < names.length && k < values.length; k++) {
                    if (names[k].equals("OutEchos")) {
                        return Long.parseLong(values[k]);
                    }
                }
            }
        }
        throw new IllegalStateException(SNMP + " has no Icmp OutEchos counter");
    }
}
