// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo.osgi;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.demo.ConsoleLogger;
import io.github.wintun4j.demo.DemoFailure;
import io.github.wintun4j.demo.DemoOutcome;
import io.github.wintun4j.demo.DemoStatus;
import io.github.wintun4j.internal.DriverRanking;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Wintun's example program as a Declarative Services component: while configured (PID
 * {@value DemoStatus#PID}), runs {@link io.github.wintun4j.demo.ExampleTunnel} on the
 * {@code WintunDriver} service the configuration names, and logs to standard output in
 * example.c's format (a failure as one {@code [!]} line on standard error).
 *
 * <p>The drivers are tracked dynamically (greedy), so the component keeps running while backends
 * come and go: when the configuration names another backend, when a better-ranked driver appears
 * (backend left empty), or when the driver in use goes away, the run on the old driver is stopped
 * cleanly (session ended, adapter removed, driver given back) before one starts on the new
 * driver, all without restarting anything. A run that ended by itself (the reply limit, or a
 * failure) is not restarted until the configuration changes.
 *
 * <p>Threading: SCR's callbacks are serialized on {@code control}; the status methods read
 * state that the runs publish safely.
 */
@Component(name = DemoStatus.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true,
        service = DemoStatus.class)
@Designate(ocd = DemoComponent.Config.class)
public final class DemoComponent implements DemoStatus {

    /** The configuration, as Config Admin gives it; the defaults are example.c's. */
    @ObjectClassDefinition(id = DemoStatus.PID, name = "wintun4j example tunnel",
            description = "Wintun's example program: creates an adapter, assigns an address, starts a session"
                    + " and pings the adapter's address once a second, printing every packet received.")
    public @interface Config {

        @AttributeDefinition(description = "The backend to run on (a WintunDriver service's wintun4j.backend,"
                + " such as mock, ffm or jna); empty for the highest-ranked driver.", required = false)
        String backend() default "";

        @AttributeDefinition(description = "The adapter to create.")
        String adapterName() default "Demo";

        @AttributeDefinition(description = "The adapter's IPv4 address and prefix length.")
        String address() default "10.6.7.7/24";

        @AttributeDefinition(description = "The IPv4 address the echo requests come from.")
        String peerAddress() default "10.6.7.8";

        @AttributeDefinition(description = "The ring capacity in bytes, a power of two from 131072 to 67108864.")
        int capacity() default WintunConstants.EXAMPLE_RING_CAPACITY;

        @AttributeDefinition(description = "Stop after this many echo replies; 0 runs until the component stops.",
                min = "0")
        int count() default 0;

        @AttributeDefinition(description = "A new file (absolute path) to capture the session's packets to, as"
                + " pcapng; empty for no capture.", required = false)
        String pcap() default "";
    }

    private final Object control = new Object();
    private final ConsoleLogger console = new ConsoleLogger(new PrintWriter(System.out, true));
    private final ConsoleLogger errors = new ConsoleLogger(new PrintWriter(System.err, true));
    /** Every driver service, by reference. Guarded by {@code control}. */
    private final Map<ServiceReference<WintunDriver>, ComponentServiceObjects<WintunDriver>> drivers = new HashMap<>();
    /** Guarded by {@code control}. */
    private boolean active;
    /** The checked configuration, or {@code null} when it is wrong. Guarded by {@code control}. */
    private DemoSettings settings;
    /** A run under the current configuration ended by itself. Guarded by {@code control}. */
    private boolean finished;
    private volatile TunnelRun run;
    private volatile CompletableFuture<DemoOutcome> outcome = new CompletableFuture<>();

    @Reference(name = "driver", service = WintunDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDriver(ComponentServiceObjects<WintunDriver> driver) {
        synchronized (control) {
            drivers.put(driver.getServiceReference(), driver);
            reconcile();
        }
    }

    /** Called while the driver service is still usable: the run on it ends cleanly before this returns. */
    void removeDriver(ComponentServiceObjects<WintunDriver> driver) {
        synchronized (control) {
            drivers.remove(driver.getServiceReference());
            reconcile();
        }
    }

    @Activate
    void activate(Config config) {
        synchronized (control) {
            active = true;
            configure(config);
            reconcile();
        }
    }

    /** A new configuration: the run on the old one stops, and one on the new settings starts. */
    @Modified
    void modified(Config config) {
        synchronized (control) {
            DemoOutcome last = stopRun();
            outcome.complete(last);
            outcome = new CompletableFuture<>();
            configure(config);
            reconcile();
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (control) {
            active = false;
            outcome.complete(stopRun());
        }
    }

    @Override
    public String runningBackend() {
        TunnelRun current = run;
        return current != null && current.isRunning() ? current.backend() : "";
    }

    @Override
    public int echoReplies() {
        TunnelRun current = run;
        return current != null ? current.echoReplies() : 0;
    }

    @Override
    public CompletionStage<DemoOutcome> outcome() {
        return outcome.copy();
    }

    private void configure(Config config) {
        finished = false;
        try {
            settings = DemoSettings.of(config);
        } catch (IllegalArgumentException e) {
            settings = null;
            DemoFailure failure = new DemoFailure("Bad configuration of " + DemoStatus.PID, e);
            errors.error(failure.getMessage());
            outcome.complete(new DemoOutcome("", 0, Optional.of(failure)));
        }
    }

    /** Brings the run in line with the configuration and the drivers. Called with {@code control} held. */
    private void reconcile() {
        if (!active) {
            return;
        }
        TunnelRun current = run;
        if (current != null && current.endedByItself()) {
            finished = true;
        }
        ComponentServiceObjects<WintunDriver> wanted = finished || settings == null ? null : choose();
        if (current != null) {
            boolean keep = finished ? drivers.containsValue(current.service()) : current.service() == wanted;
            if (keep) {
                return;
            }
            current.stopAndRelease();
            run = null;
        }
        if (wanted != null) {
            run = TunnelRun.start(wanted, settings.options(), console, errors, outcome);
        }
    }

    /** @return the highest-ranked driver of the configured backend (any backend when none is configured) */
    private ComponentServiceObjects<WintunDriver> choose() {
        return DriverRanking.highest(drivers.keySet(),
                        reference -> reference.getProperty(WintunServiceProperties.BACKEND), settings.backend())
                .map(drivers::get)
                .orElse(null);
    }

    /** Stops the run, if any, and gives its driver back. Called with {@code control} held. */
    private DemoOutcome stopRun() {
        TunnelRun current = run;
        run = null;
        return current != null ? current.stopAndRelease() : new DemoOutcome("", 0, Optional.empty());
    }
}
