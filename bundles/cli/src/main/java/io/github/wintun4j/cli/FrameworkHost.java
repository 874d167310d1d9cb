// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.demo.DemoStatus;
import io.github.wintun4j.internal.BackendOffer;
import io.github.wintun4j.internal.DriverRanking;
import io.github.wintun4j.spi.WintunBackend;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** The {@link Host} of a running framework, seen through the command line bundle's context. */
final class FrameworkHost implements Host {

    /** How long the demo component and the Gogo runtime may take to come up. */
    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;

    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;

    FrameworkHost(BundleContext context, ConfigurationAdmin configurationAdmin) {
        this.context = context;
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public List<BackendInfo> backends() {
        Collection<ServiceReference<WintunDriver>> references;
        try {
            references = context.getServiceReferences(WintunDriver.class, null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("no filter", e);
        }
        List<BackendInfo> backends = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        for (ServiceReference<WintunDriver> reference : DriverRanking.highestFirst(references)) {
            Object name = reference.getProperty(WintunServiceProperties.BACKEND);
            if (name != null) {
                boolean isNative = DriverRanking.isNative(reference.getProperty(WintunServiceProperties.NATIVE));
                backends.add(new BackendInfo(name.toString(), isNative, true, ""));
                registered.add(name.toString());
            }
        }
        backends.addAll(BackendBundles.unusable(context, registered));
        return backends;
    }

    /**
     * Reads the {@link BackendOffer#OFFLOADS} property of the backend's {@code WintunBackend}
     * service, which its probe registered (the driver services' properties are fixed in their
     * component descriptions and cannot carry what the kernel supports).
     */
    @Override
    public List<String> offloads(String backend) {
        Objects.requireNonNull(backend, "backend");
        Collection<ServiceReference<WintunBackend>> references;
        try {
            references = context.getServiceReferences(WintunBackend.class,
                    "(" + WintunServiceProperties.BACKEND + "=" + escapeFilterValue(backend) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("backend name '" + backend + "' makes no filter", e);
        }
        return references.stream()
                .map(reference -> BackendOffer.offloadsOf(reference.getProperty(BackendOffer.OFFLOADS)))
                .filter(names -> !names.isEmpty())
                .findFirst()
                .orElse(List.of());
    }

    /** Escapes what RFC 1960 filters reserve in a value: {@code \ * ( )}. */
    private static String escapeFilterValue(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }

    @Override
    public DemoStatus startDemo(Map<String, Object> configuration) throws Exception {
        ServiceTracker<DemoStatus, DemoStatus> tracker = new ServiceTracker<>(context, DemoStatus.class, null);
        tracker.open();
        try {
            Configuration demo = configurationAdmin.getConfiguration(DemoStatus.PID, "?");
            demo.update(new Hashtable<>(configuration));
            return await(tracker, "the demo component (" + DemoStatus.PID + ")");
        } finally {
            tracker.close();
        }
    }

    @Override
    public void runShell() throws Exception {
        ServiceTracker<CommandProcessor, CommandProcessor> tracker = new ServiceTracker<>(context, CommandProcessor.class, null);
        tracker.open();
        CommandProcessor processor;
        try {
            processor = await(tracker, "the Gogo runtime");
        } finally {
            tracker.close();
        }
        // The process's own streams, as Gogo's shell bundle does: Gogo replaces System.out and
        // System.err with streams that write to the current session, so those would loop.
        CommandSession session = processor.createSession(new FileInputStream(FileDescriptor.in),
                new PrintStream(new FileOutputStream(FileDescriptor.out), true),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        try {
            // A login shell: Gogo's profile and greeting; --noshutdown: Ctrl-D ends the console, and
            // the command line then stops the framework itself. Not as a job: see GogoConsole.
            GogoConsole.run(session, "--login", "--noshutdown");
        } catch (InterruptedException stoppedFromInside) {
            // "stop 0": the framework stops, and Gogo interrupts its console. A normal end.
        } finally {
            session.close();
        }
    }

    private static <T> T await(ServiceTracker<T, T> tracker, String what) throws InterruptedException, TimeoutException {
        T service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
        if (service == null) {
            throw new TimeoutException(what + " did not start within " + SERVICE_TIMEOUT_MILLIS / 1000 + " s");
        }
        return service;
    }
}
