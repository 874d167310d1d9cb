// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;

/**
 * {@code wintun:backend [NAME]}: shows or moves the backend the demo component runs on, in one line
 * instead of a script against Config Admin. It changes the {@code backend} property of the demo's
 * configuration (the demo then moves to that backend without a restart, see the demo's
 * {@code DemoStatus}); {@code auto} clears it (the highest-ranked driver). It never creates that
 * configuration: a framework whose demo is not configured is told so.
 *
 * <p>Present only where Config Admin is (the component needs it). Thread-safe: Config Admin
 * serialises the updates.
 */
@Component(service = DemoBackendCommand.class)
@GogoCommand(scope = WintunCommands.SCOPE, function = {"backend"})
public final class DemoBackendCommand {

    /** The demo's configuration PID ({@code DemoStatus.PID}; a test keeps the two equal). */
    static final String DEMO_PID = "io.github.wintun4j.demo";
    /** The property naming its backend ({@code DemoStatus.BACKEND}). */
    static final String DEMO_BACKEND = "backend";
    /** The word that clears the choice. */
    static final String AUTO = "auto";

    private static final String HELP = "shows how to use this command";

    private final ConfigurationAdmin configurationAdmin;
    private final WintunCommands commands;

    /**
     * @param configurationAdmin where the demo's configuration lives
     * @param commands           the shell's driver tracking, for the names of the registered backends
     */
    @Activate
    public DemoBackendCommand(@Reference ConfigurationAdmin configurationAdmin, @Reference WintunCommands commands) {
        this.configurationAdmin = configurationAdmin;
        this.commands = commands;
    }

    @Descriptor("shows the backend the demo runs on, and the backends registered")
    public String backend(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true",
                    absentValue = "false") boolean help) {
        if (help) {
            return CommandUsage.of(DemoBackendCommand.class, WintunCommands.SCOPE, "backend");
        }
        Configuration demo = demoConfiguration();
        String chosen = demo == null ? null : (String) demo.getProperties().get(DEMO_BACKEND);
        String state = demo == null ? "the demo is not configured (no configuration " + DEMO_PID + ")"
                : "the demo runs on " + (chosen == null || chosen.isEmpty() ? "the highest-ranked backend (auto)" : chosen);
        return state + "; registered: " + String.join(", ", registered());
    }

    @Descriptor("moves the demo to another backend (auto: the highest-ranked), without a restart")
    public String backend(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true",
                    absentValue = "false") boolean help,
            @Descriptor("a registered backend, such as mock or jna, or auto") String name) {
        if (help) {
            return CommandUsage.of(DemoBackendCommand.class, WintunCommands.SCOPE, "backend");
        }
        PositionalArgument.require("wintun:backend", "backend name", name);
        Collection<String> registered = registered();
        if (!name.equals(AUTO) && !registered.contains(name)) {
            throw new IllegalArgumentException("no backend named '" + name + "' is registered; registered: "
                    + String.join(", ", registered) + " (or auto)");
        }
        Configuration demo = demoConfiguration();
        if (demo == null) {
            throw new IllegalStateException("the demo is not configured (no configuration " + DEMO_PID
                    + "); configure it first, for example with the distribution's demo command");
        }
        Dictionary<String, Object> properties = copy(demo.getProperties());
        Object before = properties.get(DEMO_BACKEND);
        properties.put(DEMO_BACKEND, name.equals(AUTO) ? "" : name);
        try {
            demo.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Config Admin did not store the demo's configuration", e);
        }
        String was = before == null || "".equals(before) ? AUTO : before.toString();
        return "the demo moves from " + was + " to " + name;
    }

    /** @return the demo's configuration, or null when it has none */
    private Configuration demoConfiguration() {
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + DEMO_PID + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("Config Admin did not list the demo's configuration: " + e.getMessage(), e);
        }
    }

    /** @return the names of the registered backends, the highest-ranked first */
    private Collection<String> registered() {
        return commands.backendNames();
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (var keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
