// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import java.util.List;

/**
 * The entry point: lists the backends present and opens a {@link WintunDriver} from one of them.
 *
 * <p>Selection, in order:
 * <ol>
 *   <li>{@link #open(String)} opens the named backend;</li>
 *   <li>{@link #open()} honours the system property {@value #BACKEND_PROPERTY} when it is set;</li>
 *   <li>otherwise it picks the usable native backend with the highest priority (FFM over JNA
 *       where the JVM supports FFM);</li>
 *   <li>the mock is picked automatically only when it is the only backend present, and then a
 *       warning says so: an application must never believe it tunnels traffic while it talks to
 *       a mock.</li>
 * </ol>
 * A missing, unusable or broken backend gives a {@link WintunException} that names it and says why
 * ({@code ERROR_NOT_FOUND} when absent, {@code ERROR_NOT_SUPPORTED} when it cannot run here).
 *
 * <p>Backends are found with {@link java.util.ServiceLoader} ({@code io.github.wintun4j.spi.WintunBackend}),
 * on the module path and the class path alike, through the thread's context class loader (else this
 * module's loader). A host that loads plugins into a {@link ModuleLayer} or a {@link ClassLoader}
 * of its own looks there with {@link #in(ModuleLayer)} / {@link #in(ClassLoader)}: the same three
 * calls on a {@link WintunBackends} view. A provider that fails to load (for example a class
 * compiled for a newer Java), to probe or to start never escapes as an error: it is listed as
 * unusable with the reason, and opening it is a {@link WintunException} that says so.
 *
 * <p>Thread-safe; nothing is cached: every call looks again.
 */
public final class Wintun {

    /** The system property naming the backend {@link #open()} uses: {@value}. */
    public static final String BACKEND_PROPERTY = "wintun4j.backend";

    private Wintun() {
    }

    /**
     * The backends of a module layer of the host's own, such as a folder of plugins loaded with
     * {@link ModuleLayer#defineModulesWithOneLoader}: those of the layer's modules and of its
     * parent layers ({@link java.util.ServiceLoader#load(ModuleLayer, Class)}), not of the class path.
     *
     * @param layer the layer, kept by the view (see {@link WintunBackends} on lifetime)
     * @return a view with the same {@code backends()} / {@code open()} / {@code open(name)} as this class
     * @throws NullPointerException when {@code layer} is null
     */
    public static WintunBackends in(ModuleLayer layer) {
        return WintunBackends.of(layer);
    }

    /**
     * The backends a class loader of the host's own finds ({@link java.util.ServiceLoader#load(Class, ClassLoader)}):
     * {@code META-INF/services} of its class path, and the named modules whose layers map to it or
     * to one of its ancestors.
     *
     * @param loader the loader, kept by the view (see {@link WintunBackends} on lifetime and on the
     *               internal packages its unnamed module is granted); for plugins loaded as named
     *               modules, use {@link #in(ModuleLayer)}
     * @return a view with the same {@code backends()} / {@code open()} / {@code open(name)} as this class
     * @throws NullPointerException when {@code loader} is null
     */
    public static WintunBackends in(ClassLoader loader) {
        return WintunBackends.of(loader);
    }

    /**
     * {@return every backend present, usable or not, in order of preference}
     *
     */
    public static List<BackendInfo> backends() {
        return WintunBackends.context().backends();
    }

    /**
     * Opens the backend named by {@value #BACKEND_PROPERTY}, or the one picked automatically.
     *
     * @return a driver; the caller closes it
     * @throws WintunException when no backend can be opened, with the reason of each candidate
     */
    public static WintunDriver open() {
        return WintunBackends.context().open();
    }

    /**
     * Opens the named backend.
     *
     * @param backendName such as {@code "ffm"}, {@code "jna"} or {@code "mock"} (case-insensitive)
     * @return a driver; the caller closes it
     * @throws NullPointerException     when the name is null
     * @throws IllegalArgumentException when the name is blank
     * @throws WintunException          when that backend is absent, unusable or fails to start
     */
    public static WintunDriver open(String backendName) {
        return WintunBackends.context().open(backendName);
    }
}
