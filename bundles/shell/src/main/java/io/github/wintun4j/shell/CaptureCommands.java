// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code wintun:capture ADAPTER FILE} captures every packet of an adapter made with
 * {@code wintun:create} to a new pcapng file (for Wireshark or tshark), and
 * {@code wintun:capture --stop ADAPTER} ends that capture. The file holds the adapter's traffic:
 * it is created readable by its owner only, and an existing file is never replaced.
 * Closing the adapter ends its capture too.
 *
 * <p>Thread-safe: commands may run from several shell sessions at once.
 */
@Component(service = CaptureCommands.class, immediate = true)
@GogoCommand(scope = WintunCommands.SCOPE, function = {"capture"})
public final class CaptureCommands {

    private static final String COMMAND = "wintun:capture";
    private static final String HELP = "shows how to use this command";

    private final WintunCommands commands;

    /**
     * @param commands the shell's adapters
     */
    @org.osgi.service.component.annotations.Activate
    public CaptureCommands(@Reference WintunCommands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /**
     * Starts a capture.
     *
     * @param help {@code --help}: the usage instead
     * @param name the adapter, made with {@code wintun:create}
     * @param file the new file; relative to the framework's working directory
     * @return what the shell prints
     * @throws IOException when the file cannot be created
     */
    @Descriptor("captures every packet of an adapter made with wintun:create to a new pcapng file")
    public String capture(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true",
                    absentValue = "false") boolean help,
            @Descriptor("the adapter name") String name,
            @Descriptor("the file to create (it must not exist)") String file) throws IOException {
        if (help) {
            return usage();
        }
        if ("--stop".equals(name)) {
            // "wintun:capture --stop ADAPTER" also fits this signature; whichever Gogo picks, it stops.
            return commands.adapter(PositionalArgument.require(COMMAND, "adapter name", file)).stopCapture();
        }
        PositionalArgument.require(COMMAND, "adapter name", name);
        PositionalArgument.require(COMMAND, "file name", file);
        return commands.adapter(name).startCapture(Path.of(file.trim()).toAbsolutePath());
    }

    /**
     * Stops a capture.
     *
     * @param help {@code --help}: the usage instead
     * @param stop must be {@code true} ({@code --stop})
     * @param name the adapter
     * @return what the shell prints
     */
    @Descriptor("stops the capture of an adapter")
    public String capture(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true",
                    absentValue = "false") boolean help,
            @Descriptor("stop the capture") @Parameter(names = "--stop", presentValue = "true",
                    absentValue = "false") boolean stop,
            @Descriptor("the adapter name") String name) {
        if (help) {
            return usage();
        }
        PositionalArgument.require(COMMAND, "adapter name", name);
        if (!stop) {
            throw new IllegalArgumentException(COMMAND + " needs a file name, or --stop\n" + usage());
        }
        return commands.adapter(name).stopCapture();
    }

    /**
     * @param help {@code --help}
     * @return the usage
     */
    @Descriptor("shows how to use wintun:capture (with --help)")
    public String capture(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true",
                    absentValue = "false") boolean help) {
        if (help) {
            return usage();
        }
        throw new IllegalArgumentException(COMMAND + " needs an adapter name and a file name, or --stop and an"
                + " adapter name\n" + usage());
    }

    static String usage() {
        return CommandUsage.of(CaptureCommands.class, WintunCommands.SCOPE, "capture");
    }
}
