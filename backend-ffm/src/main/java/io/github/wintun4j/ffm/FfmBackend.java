// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;

/**
 * The {@code "ffm"} backend as Java 17 to 21 see it: a stand-in that reports itself unusable.
 *
 * <p>This jar is a multi-release jar. The real backend, on {@code java.lang.foreign} (final in Java
 * 22), lives under {@code META-INF/versions/22} and replaces this class on Java 22 and later; the
 * root holds the module descriptor and this class, compiled for Java 17, so that a host shipping
 * every backend jar still starts on Java 17 (on the module path, the JVM would otherwise refuse
 * the whole module graph) and {@code Wintun.backends()} says why FFM is not there. Thread-safe and
 * stateless.
 */
public final class FfmBackend implements WintunBackend {

    /** Needs nothing: this class never touches native code. */
    public FfmBackend() {
    }

    @Override
    public String name() {
        return "ffm";
    }

    @Override
    public boolean isNative() {
        return true;
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public BackendAvailability availability() {
        return BackendAvailability.ofUnusable(reason());
    }

    /** @throws WintunException always ({@code ERROR_NOT_SUPPORTED}), with the reason */
    @Override
    public WintunDriver openDriver() {
        throw new WintunException("FfmBackend.openDriver", WintunErrors.ERROR_NOT_SUPPORTED, reason());
    }

    private static String reason() {
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            // This stand-in runs on 22+ only when the jar is not read as a multi-release jar: a fat
            // jar that copied the classes but not the manifest's Multi-Release attribute.
            return "its Java 22 classes (META-INF/versions/22) were not used on Java " + feature
                    + ": the jar that holds them lacks the manifest attribute Multi-Release: true"
                    + " (a repackaged or shaded jar must keep it)";
        }
        return "needs Java 22 or newer (java.lang.foreign); this is Java " + feature;
    }
}
