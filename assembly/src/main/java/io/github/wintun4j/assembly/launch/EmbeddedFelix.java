// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Apache Felix with the distribution's bundles, in a storage folder of its own that is deleted
 * when the framework has stopped. Every bundle must resolve and start.
 *
 * <p>Thread-safe: {@link #stop(long)} may be called from a shutdown hook while the main thread
 * waits in the command line.
 */
final class EmbeddedFelix {

    /** The service property of the command line the launcher runs: {@code wintun4j.launcher.main=true}. */
    private static final String EE_NAMESPACE = "osgi.ee";

    static final String MAIN_FILTER = "(&(" + Constants.OBJECTCLASS + "=" + ToIntFunction.class.getName()
            + ")(wintun4j.launcher.main=true))";

    private final Framework framework;
    private final Path storage;

    private EmbeddedFelix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Starts the framework and every bundle of the distribution, in name order.
     *
     * @param verbose whether the backend probes' reasons and the bundles left out are said as they
     *                happen; otherwise {@code wintun4j backends} says them
     * @throws LaunchFailure naming the bundle that did not install, resolve or start, and why
     */
    static EmbeddedFelix start(Distribution distribution, boolean verbose) throws LaunchFailure {
        Path storage;
        try {
            storage = Files.createTempDirectory("wintun4j-felix-");
        } catch (IOException e) {
            throw new LaunchFailure("cannot create the framework's storage folder: " + e.getMessage(), e);
        }
        Map<String, String> properties = new HashMap<>();
        Properties configured = distribution.properties();
        configured.stringPropertyNames().forEach(key -> properties.put(key, configured.getProperty(key)));
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new LaunchFailure("no OSGi framework on the class path (the launcher jar carries Apache Felix)");
        }
        EmbeddedFelix felix = new EmbeddedFelix(factories.next().newFramework(properties), storage);
        try {
            felix.framework.init();
            List<Bundle> installed = felix.install(distribution);
            if (!verbose) {
                ProbeLogs.quiet(installed);
            }
            felix.framework.start();
            felix.startAll(installed, verbose);
        } catch (BundleException | LaunchFailure e) {
            felix.stop(5_000);
            throw e instanceof LaunchFailure ? (LaunchFailure) e
                    : new LaunchFailure("the framework did not start: " + e.getMessage(), e);
        }
        return felix;
    }

    private List<Bundle> install(Distribution distribution) throws LaunchFailure {
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Distribution.BundleJar jar : distribution.bundles()) {
            try (InputStream in = jar.opener().open()) {
                installed.add(context.installBundle("wintun4j:bundle/" + jar.name(), in));
            } catch (IOException | BundleException e) {
                throw new LaunchFailure("bundle/" + jar.name() + " did not install: " + e.getMessage(), e);
            }
        }
        if (installed.isEmpty()) {
            throw new LaunchFailure("no bundle in " + distribution.description());
        }
        return installed;
    }

    private void startAll(List<Bundle> bundles, boolean verbose) throws LaunchFailure {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                String name = bundle.getLocation().replace("wintun4j:", "");
                String javaNeeded = javaNeeded(bundle);
                if (javaNeeded != null) {
                    // A bundle for a newer Java: the rest runs without it, and `wintun4j backends`
                    // lists a backend bundle left out this way with its requirement.
                    if (verbose) {
                        System.err.println("wintun4j: " + name + " needs " + javaNeeded + ", this is Java "
                                + Runtime.version().feature() + "; left out");
                    }
                    continue;
                }
                throw new LaunchFailure(name + " (" + bundle.getSymbolicName() + ") did not start: " + e.getMessage(), e);
            }
        }
    }

    /** @return the Java a bundle requires ({@code osgi.ee}) when this JVM is not enough, else {@code null} */
    private String javaNeeded(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<BundleCapability> provided = framework.adapt(BundleRevision.class).getDeclaredCapabilities(EE_NAMESPACE);
        for (BundleRequirement requirement : revision.getDeclaredRequirements(EE_NAMESPACE)) {
            String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
            try {
                Filter needed = FrameworkUtil.createFilter(filter);
                if (provided.stream().noneMatch(capability -> needed.matches(capability.getAttributes()))) {
                    return filter;
                }
            } catch (InvalidSyntaxException | NullPointerException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Waits for the command line bundle's service.
     *
     * @return the command line
     * @throws LaunchFailure when it does not come up, with the bundles that are not active
     */
    @SuppressWarnings("unchecked")
    ToIntFunction<String[]> commandLine(long timeoutMillis) throws LaunchFailure, InterruptedException {
        BundleContext context = framework.getBundleContext();
        Filter filter;
        try {
            filter = context.createFilter(MAIN_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open(true);
        try {
            Object service = tracker.waitForService(timeoutMillis);
            if (service == null) {
                List<String> inactive = new ArrayList<>();
                for (Bundle bundle : context.getBundles()) {
                    if (bundle.getState() != Bundle.ACTIVE && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                        inactive.add(bundle.getSymbolicName());
                    }
                }
                throw new LaunchFailure("the command line (bundle io.github.wintun4j.cli) did not register within "
                        + timeoutMillis / 1000 + " s; bundles not active: " + (inactive.isEmpty() ? "none" : inactive));
            }
            return (ToIntFunction<String[]>) service;
        } finally {
            tracker.close();
        }
    }

    /**
     * Waits until the framework stops by itself (such as {@code stop 0} in the shell).
     *
     * @throws InterruptedException when interrupted
     */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /**
     * Stops the framework (every bundle, in reverse start order) and deletes its storage.
     * Idempotent; a second caller (the shutdown hook and the main thread) waits for the first.
     *
     * @param patienceMillis how long to wait for the bundles to stop
     * @return whether it stopped in time
     */
    synchronized boolean stop(long patienceMillis) {
        boolean stopped;
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(patienceMillis);
            stopped = event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
        } catch (BundleException e) {
            stopped = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (stopped) {
            deleteStorage();
        }
        return stopped;
    }

    private void deleteStorage() {
        if (!Files.exists(storage)) {
            return;
        }
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder: the system cleans it eventually.
        }
    }
}
