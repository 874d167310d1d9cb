// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import io.github.wintun4j.spi.WintunBackend;

import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The backends of one place: a {@link ModuleLayer} or a {@link ClassLoader} of a host's own (a
 * folder of plugins), or, for {@link Wintun}'s static methods, the context class loader. Made by
 * {@link Wintun#in(ModuleLayer)} and {@link Wintun#in(ClassLoader)}; the rules of selection are
 * those stated on {@link Wintun}.
 *
 * <p><b>What is cached:</b> nothing but the layer or loader. Every call runs a new
 * {@link ServiceLoader} pass and asks each backend again whether it can run, so a view always
 * tells the present state, and a call costs a lookup: keep the driver, not the view, on hot paths.
 * A provider that fails to load or to probe is listed as unusable with its reason; no call lets
 * such a failure escape.
 *
 * <p><b>Lifetime:</b> a view holds its layer or loader strongly, so its classes cannot be unloaded
 * while the view is reachable; nor while a driver opened from it is, since a driver's classes come
 * from the layer. To unload a plugin layer, close its drivers and drop them, the view and the
 * layer. A view whose loader the host has closed ({@link java.net.URLClassLoader#close()}) finds
 * what that loader still finds: typically no backend, or providers listed as failing to load,
 * never an exception from {@link #backends()}.
 *
 * <p><b>Internal packages:</b> the project's backends use packages of this module that it exports
 * to them alone. When the API is a named module, making a view grants those exports to the
 * project's modules in the layer (JPMS binds qualified exports only when a layer is defined, so a
 * later layer would miss them), or to the loader's unnamed module, whose class-path plugins could
 * not use them otherwise.
 *
 * <p><b>Threading:</b> immutable and thread-safe; calls from several threads each make their own
 * pass.
 */
public final class WintunBackends {

    private static final WintunBackends CONTEXT = new WintunBackends("the context class loader",
            () -> ServiceLoader.load(WintunBackend.class, contextLoader()));

    private final String origin;
    private final Supplier<ServiceLoader<WintunBackend>> lookup;

    private WintunBackends(String origin, Supplier<ServiceLoader<WintunBackend>> lookup) {
        this.origin = origin;
        this.lookup = lookup;
    }

    /** {@return the view of {@link Wintun}'s static methods: the context class loader, else the API's} */
    static WintunBackends context() {
        return CONTEXT;
    }

    static WintunBackends of(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        InternalExports.grant(layer);
        return new WintunBackends("module layer " + layer, () -> ServiceLoader.load(layer, WintunBackend.class));
    }

    static WintunBackends of(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        InternalExports.grant(loader);
        return new WintunBackends("class loader " + loader, () -> ServiceLoader.load(WintunBackend.class, loader));
    }

    /**
     * {@return every backend present in this view, usable or not, in order of preference}
     *
     */
    public List<BackendInfo> backends() {
        return registry().describe();
    }

    /**
     * Opens the backend named by {@value Wintun#BACKEND_PROPERTY}, or the one picked automatically.
     *
     * @return a driver; the caller closes it
     * @throws WintunException when no backend can be opened, with the reason of each candidate
     */
    public WintunDriver open() {
        String requested = System.getProperty(Wintun.BACKEND_PROPERTY);
        if (requested != null && !requested.isBlank()) {
            return open(requested.trim());
        }
        return registry().openAutomatically();
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
    public WintunDriver open(String backendName) {
        Objects.requireNonNull(backendName, "backendName");
        if (backendName.isBlank()) {
            throw new IllegalArgumentException("backendName is blank");
        }
        return registry().open(backendName.trim());
    }

    private BackendRegistry registry() {
        return BackendRegistry.of(lookup.get());
    }

    private static ClassLoader contextLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : WintunBackends.class.getClassLoader();
    }

    /** {@return where this view looks, for logs} */
    @Override
    public String toString() {
        return "WintunBackends[" + origin + "]";
    }
}
