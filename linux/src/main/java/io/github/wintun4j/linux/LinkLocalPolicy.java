// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the kernel from putting traffic of its own into a new tunnel: a TUN device gets a random
 * IPv6 link-local address when it comes up, and with it router solicitations every few seconds
 * that the application would receive. A created adapter therefore gets
 * {@code net.ipv6.conf.<name>.addr_gen_mode = 1} (no link-local address, as WireGuard interfaces
 * have none) before it goes up; the addresses the application adds work as usual. The sysctl is
 * per network namespace, and {@code /proc/sys/net} shows the caller's. Stateless; thread-safe.
 */
final class LinkLocalPolicy {

    /** IN6_ADDR_GEN_MODE_NONE (linux/if_link.h). */
    private static final String ADDR_GEN_MODE_NONE = "1";

    private LinkLocalPolicy() {
    }

    /**
     * @param name an interface that is not up yet
     * @return {@code null} when applied or when IPv6 is off in this kernel, else why it could not be
     */
    static String apply(String name) {
        Path mode = Path.of("/proc/sys/net/ipv6/conf", name, "addr_gen_mode");
        if (!Files.exists(mode)) {
            return null;
        }
        try {
            Files.write(mode, ADDR_GEN_MODE_NONE.getBytes(StandardCharsets.US_ASCII));
            return null;
        } catch (IOException | RuntimeException e) {
            return "could not write " + mode + ": " + e;
        }
    }
}
