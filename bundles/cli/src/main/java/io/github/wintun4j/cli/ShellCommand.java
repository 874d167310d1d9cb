// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code wintun4j shell}: the Gogo shell of the framework, with the {@code wintun:} commands. */
@Command(name = "shell",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Opens the Gogo shell of the framework: wintun:backends, wintun:create, wintun:ping,"
                + " wintun:stats, wintun:adapters, wintun:close, and Felix's own commands (lb, scr:list, ...).",
                "Ctrl-D leaves it and stops the framework."})
final class ShellCommand implements Callable<Integer> {

    private final Host host;

    @Mixin
    private VerboseOption verbose;

    ShellCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        host.runShell();
        return 0;
    }
}
