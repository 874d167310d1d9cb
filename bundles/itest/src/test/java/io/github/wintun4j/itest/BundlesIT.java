// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.spi.WintunBackend;

import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/** Every bundle resolves and starts; the API exports its packages with versions; the mock's service. */
public class BundlesIT extends OsgiTestSupport {

    @Test
    public void everyWintun4jBundleIsActiveWithItsModuleName() {
        for (String name : new String[] {"io.github.wintun4j", "io.github.wintun4j.ip", "io.github.wintun4j.mock",
                "io.github.wintun4j.demo",
                "io.github.wintun4j.shell", "org.apache.felix.scr", "org.apache.felix.configadmin"}) {
            assertEquals(name, Bundle.ACTIVE, installed(name).getState());
        }
    }

    @Test
    public void theApiExportsItsPackagesAtVersion1() {
        // 1.0.0: the API frozen at 1.0 (issue 12), 1.1.0 for the additions of issue 13 (SessionOptions);
        // bnd baselining compares every build with 1.0.0.
        assertEquals(Set.of("io.github.wintun4j;1.1.0", "io.github.wintun4j.spi;1.0.0",
                "io.github.wintun4j.internal;1.0.0", "io.github.wintun4j.internal.ring;1.1.0"),
                exportedPackages("io.github.wintun4j"));
        assertEquals(Set.of("io.github.wintun4j.ip;1.0.0"), exportedPackages("io.github.wintun4j.ip"));
    }

    /** @return the packages the bundle exports, as name;version */
    private Set<String> exportedPackages(String symbolicName) {
        Set<String> exported = new TreeSet<>();
        BundleRevision revision = installed(symbolicName).adapt(BundleRevision.class);
        for (BundleCapability capability : revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
            exported.add(capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE) + ";"
                    + capability.getAttributes().get(Constants.VERSION_ATTRIBUTE));
        }
        return exported;
    }

    @Test
    public void theMockRegistersItsDriverWithBackendNameAndRankingBelowNatives() throws Exception {
        ServiceReference<WintunDriver> mock = driverReference("mock");

        assertProperty(mock, WintunServiceProperties.BACKEND, "mock");
        assertProperty(mock, WintunServiceProperties.NATIVE, Boolean.FALSE);
        assertProperty(mock, Constants.SERVICE_RANKING, -100);
        assertProperty(mock, Constants.SERVICE_SCOPE, Constants.SCOPE_PROTOTYPE);
        assertEquals("io.github.wintun4j.mock", mock.getBundle().getSymbolicName());
    }

    @Test
    public void theDriverIsRegisteredAsSoonAsTheBackendBundleHasStarted() throws Exception {
        Bundle mock = installed("io.github.wintun4j.mock");
        mock.stop();
        assertEquals(0, context.getServiceReferences(WintunDriver.class, "(" + WintunServiceProperties.BACKEND + "=mock)").size());

        mock.start();

        assertEquals("no waiting: a backend whose bundle is active and that registered nothing cannot run here",
                1, context.getServiceReferences(WintunDriver.class, "(" + WintunServiceProperties.BACKEND + "=mock)").size());
        assertEquals(1, context.getServiceReferences(WintunBackend.class, "(" + WintunServiceProperties.BACKEND + "=mock)").size());
    }

    @Test
    public void aHostReranksABackendThroughConfigAdmin() throws Exception {
        org.osgi.service.cm.Configuration configuration = service(org.osgi.service.cm.ConfigurationAdmin.class)
                .getConfiguration("io.github.wintun4j.mock", "?");
        configuration.update(new java.util.Hashtable<>(java.util.Map.of(Constants.SERVICE_RANKING, 50)));

        eventually("the mock's driver is registered with ranking 50", () -> {
            try {
                return Integer.valueOf(50).equals(driverReference("mock").getProperty(Constants.SERVICE_RANKING));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertProperty(driverReference("mock"), WintunServiceProperties.BACKEND, "mock");
    }

    @Test
    public void everyConsumerGetsADriverOfItsOwn() throws Exception {
        ServiceObjects<WintunDriver> objects = context.getServiceObjects(driverReference("mock"));
        WintunDriver first = objects.getService();
        WintunDriver second = objects.getService();
        try {
            assertNotNull(first);
            assertNotSame(first, second);
            first.createAdapter("Mine", "Example", null).close();
            assertEquals("mock", second.backendName());
            assertTrue("the other driver is a machine of its own",
                    second.toString().contains("adapters=[]"));
        } finally {
            objects.ungetService(first);
            objects.ungetService(second);
        }
    }
}
