// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo.osgi;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.demo.ConsoleLogger;
import io.github.wintun4j.demo.DemoFailure;
import io.github.wintun4j.demo.DemoOptions;
import io.github.wintun4j.demo.DemoOutcome;
import io.github.wintun4j.demo.ExampleTunnel;
import io.github.wintun4j.internal.DriverRanking;
import org.osgi.service.component.ComponentServiceObjects;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One run of the example on one driver service: gets a driver of its own from the service,
 * runs {@link ExampleTunnel} on a thread of its own, and gives the driver back.
 *
 * <p>Only the component's callbacks get and release the driver (never the run's thread, which
 * only uses it), so that no SCR work ever waits on that thread. A run that ends by itself (the
 * reply limit, or a failure) completes the outcome of its configuration and keeps its driver until
 * the component releases it; a run that is stopped leaves the outcome to the component.
 *
 * <p>Thread-safe.
 */
final class TunnelRun {

    /** How long {@link #stopAndRelease()} waits for the example's cleanup (end session, remove adapter). */
    private static final long CLEANUP_MILLIS = 30_000;

    private final ComponentServiceObjects<WintunDriver> service;
    private final WintunDriver driver;
    private final String backend;
    private final ExampleTunnel tunnel;
    private final ConsoleLogger errors;
    private final CompletableFuture<DemoOutcome> outcome;
    private final Thread thread;
    private final Object state = new Object();
    /** Asked to stop before it ended by itself. Guarded by {@code state}. */
    private boolean stopping;
    /** How it ended, once it has. Guarded by {@code state}. */
    private DemoOutcome ended;

    private TunnelRun(ComponentServiceObjects<WintunDriver> service, WintunDriver driver, DemoOptions options,
            ConsoleLogger console, ConsoleLogger errors, CompletableFuture<DemoOutcome> outcome) {
        this.service = service;
        this.driver = driver;
        Object name = service.getServiceReference().getProperty(WintunServiceProperties.BACKEND);
        this.backend = name != null ? name.toString() : driver.backendName();
        boolean emulated = !DriverRanking.isNative(service.getServiceReference().getProperty(WintunServiceProperties.NATIVE));
        this.tunnel = new ExampleTunnel(driver, emulated, console, options);
        this.errors = errors;
        this.outcome = outcome;
        this.thread = new Thread(this::run, "wintun4j-demo");
    }

    /**
     * Gets a driver from the service and starts the example on it.
     *
     * @param outcome completed when this run ends by itself
     * @return the run, or {@code null} when the service went away meanwhile
     */
    static TunnelRun start(ComponentServiceObjects<WintunDriver> service, DemoOptions options,
            ConsoleLogger console, ConsoleLogger errors, CompletableFuture<DemoOutcome> outcome) {
        WintunDriver driver = service.getService();
        if (driver == null) {
            return null;
        }
        TunnelRun run = new TunnelRun(service, driver, options, console, errors, outcome);
        run.thread.start();
        return run;
    }

    private void run() {
        Optional<DemoFailure> failure = Optional.empty();
        try {
            tunnel.run();
        } catch (DemoFailure e) {
            failure = Optional.of(e);
        } catch (RuntimeException e) {
            failure = Optional.of(new DemoFailure("The example failed", e));
        }
        DemoOutcome result = new DemoOutcome(backend, tunnel.echoReplies(), failure);
        boolean byItself;
        synchronized (state) {
            ended = result;
            byItself = !stopping;
        }
        if (byItself) {
            failure.ifPresent(f -> errors.error(f.getMessage()));
            outcome.complete(result);
        }
    }

    /** @return the service this run got its driver from */
    ComponentServiceObjects<WintunDriver> service() {
        return service;
    }

    /** @return the {@code wintun4j.backend} of its driver */
    String backend() {
        return backend;
    }

    /** @return whether the example ended by itself, not because it was stopped */
    boolean endedByItself() {
        synchronized (state) {
            return ended != null && !stopping;
        }
    }

    /** @return whether the example still runs */
    boolean isRunning() {
        synchronized (state) {
            return ended == null;
        }
    }

    int echoReplies() {
        return tunnel.echoReplies();
    }

    /**
     * Stops the example as Ctrl-C does (end the session, remove the adapter), waits for it, then
     * gives the driver back. Idempotent.
     *
     * @return how the run ended
     */
    DemoOutcome stopAndRelease() {
        synchronized (state) {
            if (ended == null) {
                stopping = true;
            }
        }
        tunnel.stop();
        boolean interrupted = false;
        long deadline = System.currentTimeMillis() + CLEANUP_MILLIS;
        while (thread.isAlive() && System.currentTimeMillis() < deadline) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            service.ungetService(driver);
        } catch (IllegalStateException | IllegalArgumentException alreadyReleased) {
            // The component is going away or the driver was released already: nothing more to give back.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        DemoOutcome result;
        synchronized (state) {
            result = ended;
        }
        return result != null ? result : new DemoOutcome(backend, tunnel.echoReplies(), Optional.empty());
    }
}
