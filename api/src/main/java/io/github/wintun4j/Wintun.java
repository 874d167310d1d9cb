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
 * on the module path and the class path alike. Thread-safe; every call looks again.
 */
public final class Wintun {

    /** The system property naming the backend {@link #open()} uses: {@value}. */
    public static final String BACKEND_PROPERTY = "wintun4j.backend";

    private Wintun() {
    }

    /**
     * {@return every backend present, usable or not, in order of preference}
     *
     */
    public static List<BackendInfo> backends() {
        return BackendRegistry.load().describe();
    }

    /**
     * Opens the backend named by {@value #BACKEND_PROPERTY}, or the one picked automatically.
     *
     * @return a driver; the caller closes it
     * @throws WintunException when no backend can be opened, with the reason of each candidate
     */
    public static WintunDriver open() {
        String requested = System.getProperty(BACKEND_PROPERTY);
        if (requested != null && !requested.isBlank()) {
            return open(requested.trim());
        }
        return BackendRegistry.load().openAutomatically();
    }

    /**
     * Opens the named backend.
     *
     * @param backendName such as {@code "ffm"}, {@code "jna"} or {@code "mock"} (case-insensitive)
     * @return a driver; the caller closes it
     * @throws NullPointerException when the name is null
     * @throws WintunException      when that backend is absent, unusable or fails to start
     */
    public static WintunDriver open(String backendName) {
        java.util.Objects.requireNonNull(backendName, "backendName");
        return BackendRegistry.load().open(backendName);
    }
}
