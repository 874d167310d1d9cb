// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code -v} / {@code --verbose}: show the stack trace of a failure, not only its one-line message;
 * the launcher also lets the backends say as they start why one cannot run here.
 */
final class VerboseOption {

    static final String NAME = "--verbose";

    @Option(names = {"-v", NAME}, description = "On failure, print the stack trace too; say as the backends start"
            + " why one cannot run here.")
    boolean verbose;

    /** @return whether {@code --verbose} was given to the command or any of its subcommands */
    static boolean matched(ParseResult parseResult) {
        for (ParseResult at = parseResult; at != null; at = at.subcommand()) {
            if (at.hasMatchedOption(NAME)) {
                return true;
            }
        }
        return false;
    }
}
