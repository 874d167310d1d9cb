package io.github.wintun4j.cli;

import io.github.wintun4j.BackendInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wintun4j backends}: one line per {@code WintunDriver} service, the preferred first:
 * {@code name  native|emulation  usable}. A backend that cannot run here registers no service and
 * logs why when its bundle starts. Exit code 0 when at least one is there, else 1.
 */
@Command(name = "backends",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the backends registered in the framework (one that cannot run here logs why).")
final class BackendsCommand implements Callable<Integer> {

    private final Host host;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    BackendsCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        List<BackendInfo> backends = host.backends();
        if (backends.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("wintun4j: no backend registered; deploy wintun4j-backend-mock, -ffm or -jna");
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        int width = backends.stream().mapToInt(info -> info.name().length()).max().orElse(0);
        for (BackendInfo info : backends) {
            out.printf("%-" + width + "s  %-9s  %s%n", info.name(), info.isNative() ? "native" : "emulation",
                    info.usable() ? "usable" : "unusable: " + info.reason());
        }
        out.flush();
        return 0;
    }
}
