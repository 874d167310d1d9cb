// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.Wintun;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The backends present in the framework that registered no driver, each with the reason: a backend
 * bundle (one that carries {@value #SERVICES}) asked through its own class loader
 * ({@link Wintun#in(ClassLoader)}), or named by its bundle when it did not resolve (such as a bundle
 * for a newer Java). What {@code wintun4j backends} adds to the registered drivers, so that a
 * backend's absence is explained where one looks for it. Stateless.
 */
final class BackendBundles {

    static final String SERVICES = "META-INF/services/io.github.wintun4j.spi.WintunBackend";
    private static final String EE_NAMESPACE = "osgi.ee";

    private BackendBundles() {
    }

    /**
     * @param context    a bundle context of the framework
     * @param registered the names of the backends that registered a driver
     * @return the other backends of the framework's bundles, unusable, with their reasons
     */
    static List<BackendInfo> unusable(BundleContext context, Collection<String> registered) {
        List<BackendInfo> found = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getEntry(SERVICES) == null) {
                continue;
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null || wiring.getClassLoader() == null) {
                found.add(new BackendInfo(bundle.getSymbolicName(), true, false, notResolved(bundle)));
                continue;
            }
            for (BackendInfo info : Wintun.in(wiring.getClassLoader()).backends()) {
                if (!info.usable() && !registered.contains(info.name())) {
                    found.add(info);
                }
            }
        }
        return found;
    }

    private static String notResolved(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        String java = revision == null ? "" : revision.getDeclaredRequirements(EE_NAMESPACE).stream()
                .map(BundleRequirement::getDirectives).map(directives -> directives.get("filter"))
                .collect(Collectors.joining(", "));
        return "its bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " did not resolve"
                + (java.isEmpty() ? "" : " (it requires " + java + "; this is Java " + Runtime.version().feature() + ")");
    }
}
