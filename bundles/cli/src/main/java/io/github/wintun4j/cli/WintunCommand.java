// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top command: names the subcommands; run alone, it says that one is missing. */
@Command(name = "wintun4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Layer-3 TUN devices for Java, in the model of Wintun. Runs in Apache Felix.",
        subcommands = {DemoCommand.class, BackendsCommand.class, ShellCommand.class, HelpCommand.class},
        footer = {"", "Example: wintun4j demo --count 3"})
final class WintunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command: demo, backends, shell or help");
    }
}
