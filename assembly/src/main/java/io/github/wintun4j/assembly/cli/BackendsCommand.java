package io.github.wintun4j.assembly.cli;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.Wintun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wintun4j backends}: one line per backend found, in order of preference:
 * {@code name  native|emulation  usable} or {@code unusable: <reason>}. Exit code 0 when at
 * least one is usable, else 1.
 */
@Command(name = "backends",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the backends on the class path or module path, usable or not, and why not.")
final class BackendsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BackendInfo> backends = Wintun.backends();
        if (backends.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("wintun4j: no backend found; add wintun4j-backend-mock, -ffm or -jna to the class path");
            err.flush();
            return 1;
        }
        int width = backends.stream().mapToInt(info -> info.name().length()).max().orElse(0);
        for (BackendInfo info : backends) {
            out.printf("%-" + width + "s  %-9s  %s%n", info.name(), info.isNative() ? "native" : "emulation",
                    info.usable() ? "usable" : "unusable: " + info.reason());
        }
        out.flush();
        return backends.stream().anyMatch(BackendInfo::usable) ? 0 : 1;
    }
}
