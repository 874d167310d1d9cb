package io.github.wintun4j.shell;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Gogo commands of scope {@code wintun}: {@code backends} lists the {@code WintunDriver}
 * services, {@code create} makes an adapter on one and starts a session whose packets a thread
 * receives and counts, {@code ping} sends echo requests through it, {@code stats} shows the
 * packet and drop counters, {@code adapters} lists the adapters, {@code close} removes one.
 *
 * <p>The shell takes one driver of its own from each backend it uses (the services are
 * prototype-scoped) and gives it back when the backend goes away, closing the adapters it made
 * there, or when the shell stops. SCR is never called while a lock of this class is held.
 *
 * <p>Thread-safe: commands may run from several shell sessions at once.
 */
@Component(service = WintunCommands.class, immediate = true)
@GogoCommand(scope = "wintun", function = {"backends", "adapters", "create", "close", "ping", "stats"})
public final class WintunCommands {

    static final String BACKEND_PROPERTY = "wintun4j.backend";
    static final String NATIVE_PROPERTY = "wintun4j.native";
    static final String TUNNEL_TYPE = "wintun4j";
    private static final long REPLY_WAIT_MILLIS = 2_000;

    /** A driver service and, once the shell used it, the shell's driver from it. */
    private static final class Backend {
        final ComponentServiceObjects<WintunDriver> service;
        /** Guarded by the commands' lock. */
        WintunDriver driver;

        Backend(ComponentServiceObjects<WintunDriver> service) {
            this.service = service;
        }

        ServiceReference<WintunDriver> reference() {
            return service.getServiceReference();
        }

        String name() {
            return String.valueOf(reference().getProperty(BACKEND_PROPERTY));
        }
    }

    /** An adapter of the shell and the backend it lives on. */
    private record Managed(ShellAdapter adapter, Backend backend) {
    }

    private final Object lock = new Object();
    /** Guarded by {@code lock}. */
    private final Map<ServiceReference<WintunDriver>, Backend> backends = new HashMap<>();
    /** By lower-case name. Guarded by {@code lock}. */
    private final Map<String, Managed> adapters = new LinkedHashMap<>();

    @Reference(name = "driver", service = WintunDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addDriver(ComponentServiceObjects<WintunDriver> service) {
        synchronized (lock) {
            backends.put(service.getServiceReference(), new Backend(service));
        }
    }

    /** The backend goes away: its adapters of the shell are closed, and its driver given back. */
    void removeDriver(ComponentServiceObjects<WintunDriver> service) {
        Backend gone;
        List<Managed> closing = new ArrayList<>();
        synchronized (lock) {
            gone = backends.remove(service.getServiceReference());
            adapters.values().removeIf(managed -> managed.backend() == gone && closing.add(managed));
        }
        release(gone, closing);
    }

    @Deactivate
    void deactivate() {
        List<Backend> all;
        List<Managed> closing;
        synchronized (lock) {
            all = new ArrayList<>(backends.values());
            closing = new ArrayList<>(adapters.values());
            backends.clear();
            adapters.clear();
        }
        closing.forEach(managed -> managed.adapter().close());
        all.forEach(backend -> release(backend, List.of()));
    }

    @Descriptor("lists the WintunDriver services: backend, native or emulation, service ranking, bundle")
    public String backends() {
        List<ServiceReference<WintunDriver>> references;
        synchronized (lock) {
            references = new ArrayList<>(backends.keySet());
        }
        if (references.isEmpty()) {
            return "no WintunDriver service is registered (a backend that cannot run here logs why)";
        }
        references.sort(Comparator.reverseOrder());
        StringBuilder text = new StringBuilder();
        for (ServiceReference<WintunDriver> reference : references) {
            Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
            Bundle bundle = reference.getBundle();
            text.append(String.format("%-6s %-9s ranking %5s  %s%n", reference.getProperty(BACKEND_PROPERTY),
                    Boolean.FALSE.equals(reference.getProperty(NATIVE_PROPERTY)) ? "emulation" : "native",
                    ranking != null ? ranking : 0,
                    bundle != null ? bundle.getSymbolicName() + " " + bundle.getVersion() : "(unregistered)"));
        }
        return text.toString();
    }

    /** @return the adapters made with wintun:create, as they are now */
    private List<Managed> managedAdapters() {
        synchronized (lock) {
            return new ArrayList<>(adapters.values());
        }
    }

    @Descriptor("lists the adapters made with wintun:create")
    public String adapters() {
        List<Managed> all = managedAdapters();
        if (all.isEmpty()) {
            return "no adapter (wintun:create makes one)";
        }
        StringBuilder text = new StringBuilder();
        for (Managed managed : all) {
            Adapter adapter = managed.adapter().adapter();
            text.append(String.format("%-16s %-6s %-13s {%s} LUID 0x%016x%n", adapter.name(),
                    managed.adapter().backend(), managed.adapter().state(), adapter.guid(), adapter.luid()));
        }
        return text.toString();
    }

    @Descriptor("creates an adapter, assigns an address, starts a session and counts what it receives")
    public String create(
            @Descriptor("the backend (a WintunDriver's wintun4j.backend); default: the highest-ranked")
            @Parameter(names = {"-b", "--backend"}, absentValue = "") String backendName,
            @Descriptor("an address with its prefix length, such as 10.9.0.1/24")
            @Parameter(names = {"-a", "--address"}, absentValue = "") String address,
            @Descriptor("the ring capacity in bytes, a power of two from 131072 to 67108864")
            @Parameter(names = {"-c", "--capacity"}, absentValue = "4194304") int capacity,
            @Descriptor("the adapter name") String name) {
        AddressArgument assigned = address.isBlank() ? null : AddressArgument.parse(address);
        if (assigned != null && assigned.prefixLength() < 0) {
            throw new IllegalArgumentException("--address needs a prefix length, such as 10.9.0.1/24");
        }
        Backend backend;
        synchronized (lock) {
            if (adapters.containsKey(key(name))) {
                throw new IllegalArgumentException("adapter \"" + name + "\" exists already (wintun:close it first)");
            }
            backend = choose(backendName);
        }
        Adapter adapter = driverOf(backend).createAdapter(name, TUNNEL_TYPE, null);
        try {
            if (assigned != null) {
                adapter.addAddress(assigned.address(), assigned.prefixLength());
            }
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
        ShellAdapter running = ShellAdapter.start(backend.name(), adapter, capacity);
        boolean kept;
        synchronized (lock) {
            kept = backends.containsValue(backend) && !adapters.containsKey(key(name));
            if (kept) {
                adapters.put(key(name), new Managed(running, backend));
            }
        }
        if (!kept) {
            running.close();
            throw new IllegalStateException("backend " + backend.name() + " went away, or another \"" + name
                    + "\" was created meanwhile");
        }
        return String.format("created adapter \"%s\" on %s (session of 0x%x bytes)%s", adapter.name(),
                backend.name(), capacity, assigned == null ? "" : ", address " + address.trim());
    }

    @Descriptor("ends the session of an adapter made with wintun:create and removes the adapter")
    public String close(@Descriptor("the adapter name") String name) {
        Managed managed;
        synchronized (lock) {
            managed = adapters.remove(key(name));
            if (managed == null) {
                throw new IllegalArgumentException(noSuchAdapter(name));
            }
        }
        managed.adapter().close();
        return "closed adapter \"" + name + "\"";
    }

    @Descriptor("sends ICMP echo requests through an adapter's session and waits briefly for the replies")
    public String ping(
            @Descriptor("how many requests") @Parameter(names = {"-c", "--count"}, absentValue = "4") int count,
            @Descriptor("the adapter name") String name,
            @Descriptor("the source address, on the application side") String from,
            @Descriptor("the destination address, such as the adapter's own") String to) {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be 1 or more, got " + count);
        }
        ShellAdapter adapter = find(name).adapter();
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
     * For the shell's other commands ({@link CaptureCommands}).
     *
     * @return the running adapter of that name
     * @throws IllegalArgumentException when the shell made none of that name
     */
    ShellAdapter adapter(String name) {
        return find(name).adapter();
    }

    @Descriptor("shows the packet and drop counters of every adapter made with wintun:create")
    public String stats() {
        List<Managed> all = managedAdapters();
        if (all.isEmpty()) {
            return "no adapter (wintun:create makes one)";
        }
        StringBuilder text = new StringBuilder();
        all.forEach(managed -> text.append(stats(managed)));
        return text.toString();
    }

    @Descriptor("shows the packet and drop counters of an adapter made with wintun:create")
    public String stats(@Descriptor("the adapter name") String name) {
        return stats(find(name));
    }

    private static String stats(Managed managed) {
        ShellAdapter adapter = managed.adapter();
        return String.format("adapter \"%s\" on %s, session %s%n", adapter.adapter().name(), adapter.backend(),
                adapter.state())
                + adapter.stats()
                + MockDriverCounters.of(adapter.adapter()).orElse("");
    }

    private Managed find(String name) {
        synchronized (lock) {
            Managed managed = adapters.get(key(name));
            if (managed == null) {
                throw new IllegalArgumentException(noSuchAdapter(name));
            }
            return managed;
        }
    }

    /** Called with {@code lock} held. */
    private String noSuchAdapter(String name) {
        return "no adapter \"" + name + "\" was made with wintun:create; adapters: "
                + (adapters.isEmpty() ? "none" : String.join(", ", adapters.keySet()));
    }

    /** @return the highest-ranked backend of that name (any name when blank). Called with {@code lock} held. */
    private Backend choose(String backendName) {
        Backend best = null;
        for (Backend backend : backends.values()) {
            boolean matches = backendName.isBlank() || backendName.trim().equalsIgnoreCase(backend.name());
            if (matches && (best == null || backend.reference().compareTo(best.reference()) > 0)) {
                best = backend;
            }
        }
        if (best == null) {
            List<Backend> present = new ArrayList<>(backends.values());
            present.sort((a, b) -> b.reference().compareTo(a.reference()));
            List<String> names = new ArrayList<>();
            present.forEach(backend -> names.add(backend.name()));
            throw new IllegalArgumentException((backendName.isBlank() ? "no backend is registered"
                    : "no backend named '" + backendName.trim() + "' is registered")
                    + "; registered: " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return best;
    }

    /** @return the shell's driver from this backend, got on first use (outside the lock: it calls SCR) */
    private WintunDriver driverOf(Backend backend) {
        synchronized (lock) {
            if (backend.driver != null) {
                return backend.driver;
            }
        }
        WintunDriver fresh = backend.service.getService();
        if (fresh != null) {
            fresh.setLogger(WintunLogger.off()); // the commands report what happened themselves
        }
        WintunDriver kept;
        synchronized (lock) {
            if (backend.driver == null && fresh != null && backends.containsValue(backend)) {
                backend.driver = fresh;
                return fresh;
            }
            kept = backend.driver;
        }
        if (fresh != null) {
            unget(backend, fresh);
        }
        if (kept == null) {
            throw new IllegalStateException("backend " + backend.name() + " went away");
        }
        return kept;
    }

    private static void release(Backend backend, List<Managed> closing) {
        closing.forEach(managed -> managed.adapter().close());
        if (backend == null) {
            return;
        }
        WintunDriver driver = backend.driver;
        if (driver != null) {
            unget(backend, driver);
        }
    }

    private static void unget(Backend backend, WintunDriver driver) {
        try {
            backend.service.ungetService(driver);
        } catch (IllegalStateException | IllegalArgumentException alreadyReleased) {
            // SCR released it with the reference already.
        }
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
