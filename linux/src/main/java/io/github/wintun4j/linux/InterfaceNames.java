// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.internal.Arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Linux interface names: the checks the kernel applies (at most 15 bytes, no {@code '/'},
 * {@code ':'} or white space, not {@code "."} or {@code ".."}), made up front so that a bad name
 * gives a clear error and never a truncated device, and the names present in this network
 * namespace, for the case-insensitive open Wintun offers. Stateless; thread-safe.
 */
final class InterfaceNames {

    /** IFNAMSIZ less the NUL. */
    static final int MAX_BYTES = LinuxAbi.IFNAMSIZ - 1;

    /** Lists the interfaces of the caller's network namespace ({@code /proc/net} follows the caller). */
    private static final Path PROC_NET_DEV = Path.of("/proc/net/dev");

    private InterfaceNames() {
    }

    /**
     * @param operation the Wintun operation, for the error
     * @param name      a requested adapter name
     * @return the name
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when empty or holding NUL
     * @throws WintunException          {@code ERROR_BUFFER_OVERFLOW} when over 15 bytes (or 127 units),
     *                                  {@code ERROR_INVALID_PARAMETER} when the kernel would refuse it
     */
    static String require(String operation, String name) {
        Arguments.requireName(operation, "adapter name", name);
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new WintunException(operation, WintunErrors.ERROR_BUFFER_OVERFLOW, "adapter name \"" + name
                    + "\" is " + bytes + " bytes in UTF-8; Linux interface names hold at most " + MAX_BYTES
                    + " bytes (IFNAMSIZ is 16 with the NUL), and wintun4j never truncates a name");
        }
        if (name.equals(".") || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == ':'
                || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new WintunException(operation, WintunErrors.ERROR_INVALID_PARAMETER, "adapter name \"" + name
                    + "\" is not a valid Linux interface name: it must not be \".\" or \"..\" nor contain '/', ':'"
                    + " or white space");
        }
        return name;
    }

    /**
     * @param name a name, matched exactly first, then ignoring case as Wintun does
     * @return the name of an existing interface, when one matches
     */
    static Optional<String> findExisting(String name) {
        List<String> present = present();
        if (present.contains(name)) {
            return Optional.of(name);
        }
        String folded = name.toLowerCase(Locale.ROOT);
        return present.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(folded)).findFirst();
    }

    /** @return the interface names of the caller's network namespace; empty when they cannot be read */
    static List<String> present() {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(PROC_NET_DEV, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.contains("|")) {
                    names.add(line.substring(0, colon).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return names;
    }
}
