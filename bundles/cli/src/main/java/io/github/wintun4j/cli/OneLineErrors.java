// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * The safety net for failures a command did not report itself: one line on the error stream and
 * exit code 1; the stack trace only with {@code --verbose}.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = failure.getMessage();
        err.println("wintun4j: " + (message == null || message.isBlank() ? failure.toString() : message));
        if (VerboseOption.matched(parseResult)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
