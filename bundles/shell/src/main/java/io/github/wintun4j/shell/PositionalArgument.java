// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

/**
 * Checks on the words a command takes by position (adapter names, addresses). Gogo hands a word it
 * does not know as an option, such as a mistyped {@code --hepl}, to the command as its next
 * positional argument; an adapter named {@code --hepl} would then be created. No positional
 * argument may therefore start with {@code -}.
 */
final class PositionalArgument {

    private PositionalArgument() {
    }

    /**
     * @param command the command, such as {@code wintun:create}
     * @param what    what the argument is, such as {@code "adapter name"}
     * @param value   the word typed
     * @return the value
     * @throws IllegalArgumentException when it is blank or looks like an option
     */
    static String require(String command, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(command + " needs the " + what + "; " + command + " --help shows how");
        }
        if (value.startsWith("-")) {
            throw new IllegalArgumentException("'" + value + "' is not an option of " + command + " and not a valid "
                    + what + " (none starts with -); " + command + " --help lists the options");
        }
        return value;
    }
}
