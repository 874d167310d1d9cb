// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.demo.DemoStatus;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The framework every test runs in: Felix 7 with what the distribution ships (SCR and the DS,
 * promise and function bundles it needs, Config Admin, Gogo) and the wintun4j bundles as the
 * reactor packaged them. A fresh framework for each test; each test first checks that every
 * bundle resolved and started, so a bundle that does not resolve fails every test with the reason.
 *
 * <p>Test classes keep wintun4j types out of their fields and method signatures: JUnit reflects
 * on those before any test runs, and a type of a bundle that did not resolve would then hide the
 * reason behind a {@code ClassNotFoundException}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public abstract class OsgiTestSupport {

    /** The wintun4j bundles under test, in the folder the build copied them to. */
    static final String[] WINTUN4J_BUNDLES = {"wintun4j-api", "wintun4j-ip", "wintun4j-backend-mock", "wintun4j-linux",
        "wintun4j-windows", "wintun4j-backend-ffm", "wintun4j-backend-jna", "wintun4j-capture", "wintun4j-demo", "wintun4j-shell"};

    static final long TIMEOUT_MILLIS = 10_000;

    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(
                // Felix SCR 2.2 no longer exports the DS API: the OSGi bundles go beside it.
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.shell").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command").versionAsInProject(),
                mavenBundle("net.java.dev.jna", "jna").versionAsInProject(),
                frameworkProperty("gosh.args").value("--nointeractive"),
                junitBundles()));
        File folder = new File(System.getProperty("wintun4j.itest.bundles", "target/bundles"));
        for (String name : WINTUN4J_BUNDLES) {
            File jar = new File(folder, name + ".jar");
            if (!jar.isFile()) {
                throw new IllegalStateException("no " + jar + ": run the tests through Maven (mvn verify),"
                        + " which packages the bundles and copies them there");
            }
            options.add(bundle(jar.toURI().toString()));
        }
        return options(options.toArray(new Option[0]));
    }

    /** Every bundle resolved and started (fragments only resolve): the reasons of those that did not. */
    @Before
    public void everyBundleIsActive() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " is " + state(bundle)
                        + ": " + whyNotStarted(bundle, fragment));
            }
        }
        if (!problems.isEmpty()) {
            fail("bundles not started:\n  " + String.join("\n  ", problems));
        }
    }

    private static String whyNotStarted(Bundle bundle, boolean fragment) {
        if (fragment) {
            return "a fragment without its host";
        }
        try {
            bundle.start();
            return "started only when asked again";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    static String state(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.INSTALLED: return "INSTALLED (unresolved)";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "UNINSTALLED";
        }
    }

    protected Bundle installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** @return the driver service of that backend, waiting for it to register */
    protected ServiceReference<WintunDriver> driverReference(String backend) throws InterruptedException {
        String filter = "(&(objectClass=" + WintunDriver.class.getName() + ")(" + WintunServiceProperties.BACKEND + "=" + backend + "))";
        ServiceTracker<WintunDriver, WintunDriver> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        tracker.open();
        try {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            ServiceReference<WintunDriver> reference;
            while ((reference = tracker.getServiceReference()) == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertNotNull("no WintunDriver service with " + filter, reference);
            return reference;
        } finally {
            tracker.close();
        }
    }

    /** Creates or updates the demo's configuration through Config Admin. */
    protected void configureDemo(Object... keysAndValues) throws IOException, InterruptedException {
        ConfigurationAdmin admin = service(ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration configuration = admin.getConfiguration(DemoStatus.PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        configuration.update(properties);
    }

    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TIMEOUT_MILLIS);
        assertNotNull("no " + type.getName() + " service", service);
        return service;
    }

    /** Waits until the condition holds, failing with the message after {@link #TIMEOUT_MILLIS}. */
    protected static void eventually(String message, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + message);
            }
            Thread.sleep(10);
        }
    }

    protected static void assertProperty(ServiceReference<?> reference, String key, Object expected) {
        assertEquals(key + " of " + reference, expected, reference.getProperty(key));
    }
}
