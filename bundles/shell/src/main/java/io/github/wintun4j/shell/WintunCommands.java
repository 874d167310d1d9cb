// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.internal.DriverRanking;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Gogo commands of scope {@code wintun}: {@code backends} lists the {@code WintunDriver}
 * services, {@code create} makes an adapter on one and starts a session whose packets a thread
 * receives and counts, {@code ping} sends echo requests through it, {@code stats} shows the
 * packet and drop counters, {@code adapters} lists the adapters, {@code close} removes one.
 *
 * <p>The commands and their output live here; the driver services the shell tracks are
 * {@link ShellDrivers} (one driver of the shell's own from each backend it uses, given back when
 * the backend goes away or the shell stops), and the adapters it made are {@link ShellAdapters}
 * (closed when their backend goes away).
 *
 * <p>Thread-safe: commands may run from several shell sessions at once.
 */
@Component(service = WintunCommands.class, immediate = true)
@GogoCommand(scope = WintunCommands.SCOPE, function = {"wintun", "backends", "adapters", "create", "close", "ping", "stats"})
public final class WintunCommands {

    static final String TUNNEL_TYPE = "wintun4j";
    static final String SCOPE = "wintun";
    private static final String HELP = "shows how to use this command";
    /** The commands that {@code wintun:wintun} lists (itself aside). */
    private static final String[] FUNCTIONS = {"backends", "adapters", "create", "close", "ping", "stats"};
    private static final long REPLY_WAIT_MILLIS = 2_000;

    private final ShellDrivers drivers = new ShellDrivers();
    private final ShellAdapters adapters = new ShellAdapters();

    @Reference(name = "driver", service = WintunDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addDriver(ComponentServiceObjects<WintunDriver> service) {
        drivers.add(service);
    }

    /** The backend goes away: its adapters of the shell are closed, and its driver given back. */
    void removeDriver(ComponentServiceObjects<WintunDriver> service) {
        // Untracked first, then swept: a create() racing with this either sees the backend gone,
        // or registered its adapter before the sweep (see create).
        ShellBackend gone = drivers.remove(service);
        if (gone != null) {
            adapters.removeAllOf(gone).forEach(ShellAdapter::close);
            ShellDrivers.release(gone);
        }
    }

    @Deactivate
    void deactivate() {
        List<ShellBackend> all = drivers.removeAll();
        adapters.removeAll().forEach(ShellAdapter::close);
        all.forEach(ShellDrivers::release);
    }

    @Descriptor("lists the WintunDriver services: backend, native or emulation, service ranking, bundle")
    public String backends(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help) {
        if (help) {
            return usage("backends");
        }
        List<ServiceReference<WintunDriver>> references = drivers.references();
        if (references.isEmpty()) {
            return "no WintunDriver service is registered (a backend that cannot run here logs why)";
        }
        StringBuilder text = new StringBuilder();
        for (ServiceReference<WintunDriver> reference : references) {
            Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
            Bundle bundle = reference.getBundle();
            text.append(String.format("%-6s %-9s ranking %5s  %s%n", reference.getProperty(WintunServiceProperties.BACKEND),
                    DriverRanking.isNative(reference.getProperty(WintunServiceProperties.NATIVE)) ? "native" : "emulation",
                    ranking != null ? ranking : 0,
                    bundle != null ? bundle.getSymbolicName() + " " + bundle.getVersion() : "(unregistered)"));
        }
        return text.toString();
    }

    @Descriptor("lists the adapters made with wintun:create: name, backend, state, offloads, GUID, LUID")
    public String adapters(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help) {
        if (help) {
            return usage("adapters");
        }
        List<ShellAdapter> all = adapters.all();
        if (all.isEmpty()) {
            return "no adapter (wintun:create makes one)";
        }
        StringBuilder text = new StringBuilder();
        for (ShellAdapter running : all) {
            text.append(running.describe()).append(System.lineSeparator());
        }
        return text.toString();
    }

    @Descriptor("creates an adapter, assigns an address, starts a session and counts what it receives")
    public String create(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help,
            @Descriptor("the backend (a WintunDriver's wintun4j.backend); default: the highest-ranked")
            @Parameter(names = {"-b", "--backend"}, absentValue = "") String backendName,
            @Descriptor("an address with its prefix length, such as 10.9.0.1/24")
            @Parameter(names = {"-a", "--address"}, absentValue = "") String address,
            @Descriptor("the ring capacity in bytes, a power of two from 131072 to 67108864")
            @Parameter(names = {"-c", "--capacity"}, absentValue = "4194304") int capacity,
            @Descriptor("the adapter name") String name) {
        if (help) {
            return usage("create");
        }
        PositionalArgument.require("wintun:create", "adapter name", name);
        AddressArgument assigned = address.isBlank() ? null : AddressArgument.parse(address);
        if (assigned != null && assigned.prefixLength() < 0) {
            throw new IllegalArgumentException("--address needs a prefix length, such as 10.9.0.1/24");
        }
        adapters.requireAbsent(name);
        ShellBackend backend = drivers.choose(backendName);
        Adapter adapter = drivers.driverOf(backend).createAdapter(name, TUNNEL_TYPE, null);
        try {
            if (assigned != null) {
                adapter.addAddress(assigned.address(), assigned.prefixLength());
            }
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
        ShellAdapter running = ShellAdapter.start(backend.name(), adapter, capacity);
        if (!adapters.add(name, running, backend)) {
            running.close();
            throw new IllegalStateException("another \"" + name + "\" was created meanwhile");
        }
        // Registered first, checked second: removeDriver untracks, then sweeps. Whoever removes
        // the adapter from the registry closes it.
        if (!drivers.isTracked(backend)) {
            if (adapters.remove(name, running)) {
                running.close();
            }
            throw new IllegalStateException("backend " + backend.name() + " went away");
        }
        return String.format("created adapter \"%s\" on %s (session of 0x%x bytes, %s)%s", adapter.name(),
                backend.name(), capacity, running.offloads(), assigned == null ? "" : ", address " + address.trim());
    }

    @Descriptor("ends the session of an adapter made with wintun:create and removes the adapter")
    public String close(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help,
            @Descriptor("the adapter name") String name) {
        if (help) {
            return usage("close");
        }
        PositionalArgument.require("wintun:close", "adapter name", name);
        adapters.remove(name).close();
        return "closed adapter \"" + name + "\"";
    }

    @Descriptor("sends ICMP echo requests through an adapter's session and waits briefly for the replies")
    public String ping(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help,
            @Descriptor("how many requests") @Parameter(names = {"-c", "--count"}, absentValue = "4") int count,
            @Descriptor("the adapter name") String name,
            @Descriptor("the source address, on the application side") String from,
            @Descriptor("the destination address, such as the adapter's own") String to) {
        if (help) {
            return usage("ping");
        }
        PositionalArgument.require("wintun:ping", "adapter name", name);
        PositionalArgument.require("wintun:ping", "source address", from);
        PositionalArgument.require("wintun:ping", "destination address", to);
        if (count < 1) {
            throw new IllegalArgumentException("--count must be 1 or more, got " + count);
        }
        ShellAdapter adapter = adapters.find(name);
        long before = adapter.echoReplies();
        int sent = adapter.ping(AddressArgument.parse(from).address(), AddressArgument.parse(to).address(), count);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPLY_WAIT_MILLIS);
        while (adapter.echoReplies() - before < sent && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return String.format("%d echo requests sent from %s to %s, %d replies", sent, from.trim(), to.trim(),
                adapter.echoReplies() - before);
    }

    /**
     * For the shell's other commands ({@link DemoBackendCommand}).
     *
     * @return the names of the registered backends, the highest-ranked first
     */
    List<String> backendNames() {
        return drivers.names();
    }

    /**
     * For the shell's other commands ({@link CaptureCommands}).
     *
     * @return the running adapter of that name
     * @throws IllegalArgumentException when the shell made none of that name
     */
    ShellAdapter adapter(String name) {
        return adapters.find(name);
    }

    @Descriptor("shows the packet and drop counters of every adapter made with wintun:create")
    public String stats(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help) {
        if (help) {
            return usage("stats");
        }
        List<ShellAdapter> all = adapters.all();
        if (all.isEmpty()) {
            return "no adapter (wintun:create makes one)";
        }
        StringBuilder text = new StringBuilder();
        all.forEach(adapter -> text.append(stats(adapter)));
        return text.toString();
    }

    @Descriptor("shows the packet and drop counters of an adapter made with wintun:create")
    public String stats(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help,
            @Descriptor("the adapter name") String name) {
        if (help) {
            return usage("stats");
        }
        PositionalArgument.require("wintun:stats", "adapter name", name);
        return stats(adapters.find(name));
    }

    // The forms that take only --help: "wintun:create --help" has no adapter name, and Gogo
    // calls the form whose arguments it can fill.

    @Descriptor("shows how to use wintun:create (with --help)")
    public String create(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help) {
        return usageOrMissing(help, "create", "an adapter name");
    }

    @Descriptor("shows how to use wintun:close (with --help)")
    public String close(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help) {
        return usageOrMissing(help, "close", "an adapter name");
    }

    @Descriptor("shows how to use wintun:ping (with --help)")
    public String ping(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help) {
        return usageOrMissing(help, "ping", "an adapter name, a source and a destination address");
    }

    @Descriptor("lists the wintun: commands (backends, adapters, create, close, ping, stats, capture, backend);"
            + " wintun:<command> --help or help wintun:<command> tells more")
    public String wintun(
            @Descriptor(HELP) @Parameter(names = {"-h", CommandUsage.HELP_OPTION}, presentValue = "true", absentValue = "false") boolean help) {
        if (help) {
            return usage("wintun");
        }
        StringBuilder text = new StringBuilder("wintun4j commands (scope wintun):\n");
        for (String function : FUNCTIONS) {
            text.append(String.format("  %-9s %s%n", function, firstDescription(usage(function))));
        }
        text.append(String.format("  %-9s %s%n", "capture", firstDescription(CaptureCommands.usage())));
        text.append(String.format("  %-9s %s%n", "backend",
                firstDescription(CommandUsage.of(DemoBackendCommand.class, SCOPE, "backend"))));
        return text.append("wintun:<command> --help shows a command's options.\n").toString();
    }

    private static String usage(String function) {
        return CommandUsage.of(WintunCommands.class, SCOPE, function);
    }

    private static String usageOrMissing(boolean help, String function, String what) {
        if (help) {
            return usage(function);
        }
        throw new IllegalArgumentException(SCOPE + ":" + function + " needs " + what + "\n" + usage(function));
    }

    /** @return the description line of a usage text */
    private static String firstDescription(String usage) {
        int start = usage.indexOf("\n\n");
        return start < 0 ? "" : usage.substring(start + 2, usage.indexOf('\n', start + 2));
    }

    private static String stats(ShellAdapter adapter) {
        return String.format("adapter \"%s\" on %s, session %s%n", adapter.adapter().name(), adapter.backend(),
                adapter.state())
                + adapter.stats()
                + MockDriverCounters.of(adapter.adapter()).orElse("");
    }
}
