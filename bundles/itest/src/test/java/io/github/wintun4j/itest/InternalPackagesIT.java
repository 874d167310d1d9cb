// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The API's shared implementation ({@code io.github.wintun4j.internal}, {@code .internal.ring}) is
 * exported with a mandatory attribute: a third party's bundle that imports it the usual way does not
 * resolve; only an import that names the attribute, as the project's bundles do, is wired.
 */
public class InternalPackagesIT extends OsgiTestSupport {

    @Test
    public void theInternalPackagesAreExportedWithTheMandatoryAttribute() {
        BundleRevision api = installed("io.github.wintun4j").adapt(BundleRevision.class);
        int internal = 0;
        for (BundleCapability capability : api.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
            String name = (String) capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
            boolean mandatory = "wintun4j".equals(capability.getDirectives().get("mandatory"));
            assertEquals(name, name.startsWith("io.github.wintun4j.internal"), mandatory);
            internal += mandatory ? 1 : 0;
        }
        assertEquals(2, internal);
    }

    @Test
    public void aThirdPartyBundleImportingTheInternalPackagesDoesNotResolve() throws Exception {
        assertFalse(resolves("com.example.host", "io.github.wintun4j.internal"));
        assertFalse(resolves("com.example.host", "io.github.wintun4j.internal.ring"));
    }

    @Test
    public void anImportNamingTheAttributeResolves() throws Exception {
        assertTrue(resolves("com.example.friend", "io.github.wintun4j.internal;wintun4j=internal"));
    }

    @Test
    public void aThirdPartyBundleImportingTheApiAndTheSpiResolves() throws Exception {
        assertTrue(resolves("com.example.host", "io.github.wintun4j,io.github.wintun4j.spi"));
    }

    /** Installs a bundle with nothing but that Import-Package, tries to resolve it, uninstalls it. */
    private boolean resolves(String symbolicName, String importPackage) throws IOException, BundleException {
        Bundle bundle = context.installBundle("memory:" + symbolicName,
                new ByteArrayInputStream(manifestOnlyJar(symbolicName, importPackage)));
        try {
            FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
            return wiring.resolveBundles(Collections.singleton(bundle));
        } finally {
            bundle.uninstall();
        }
    }

    private static byte[] manifestOnlyJar(String symbolicName, String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", importPackage);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.flush();
        }
        return bytes.toByteArray();
    }
}
