// SPDX-License-Identifier: Apache-2.0
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
 * {@code name  native|emulation  usable  offloads: checksum, TSO, USO} (the segmentation offloads a
 * session of that backend would get here, or {@code none}); then one line per backend present that cannot run here
 * (it registers no service), {@code name  native  unusable: reason}. This is where those reasons
 * are said; other commands say them only with {@code --verbose}. Exit code 0 when at least one
 * backend is usable, else 1.
 */
@Command(name = "backends",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the backends in the framework: the usable ones with the offloads a session would get,"
                + " then those that cannot run here, with the reason.")
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
        PrintWriter out = spec.commandLine().getOut();
        int width = backends.stream().mapToInt(info -> info.name().length()).max().orElse(0);
        for (BackendInfo info : backends) {
            out.printf("%-" + width + "s  %-9s  %s%n", info.name(), info.isNative() ? "native" : "emulation",
                    info.usable() ? "usable  offloads: " + offloads(info.name()) : "unusable: " + info.reason());
        }
        out.flush();
        if (backends.stream().noneMatch(BackendInfo::usable)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("wintun4j: no backend registered; deploy wintun4j-backend-mock, -ffm or -jna");
            err.flush();
            return 1;
        }
        return 0;
    }

    private String offloads(String backend) {
        List<String> names = host.offloads(backend);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
