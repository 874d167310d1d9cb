// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

import org.osgi.framework.Bundle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the backend probes' "registers no driver" lines off the screen of every command but
 * {@code wintun4j backends}, which lists each backend with its reason, and {@code --verbose}.
 *
 * <p>Why: a backend bundle's probe says why its backend cannot run here in a WARNING under the
 * bundle's symbolic name (as {@code FfmBackendProbe.LOGGER}); on Java 17 every command, even
 * {@code --version}, would say that FFM needs Java 22. The loggers are found from the bundles (a
 * backend bundle carries {@value #SERVICES}), not listed here. Thread-safe.
 */
final class ProbeLogs {

    /** What makes a bundle a backend bundle. */
    static final String SERVICES = "META-INF/services/io.github.wintun4j.spi.WintunBackend";

    /** Held: the JDK's logging keeps loggers weakly, and a collected logger would lose its level. */
    private static final List<Logger> QUIETED = new CopyOnWriteArrayList<>();

    private ProbeLogs() {
    }

    /** Before the bundles start: their probes' loggers show failures ({@code SEVERE}) only. */
    static void quiet(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            if (bundle.getEntry(SERVICES) != null && bundle.getSymbolicName() != null) {
                Logger logger = Logger.getLogger(bundle.getSymbolicName());
                logger.setLevel(Level.SEVERE);
                QUIETED.add(logger);
            }
        }
    }
}
