// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.osgi.annotation.versioning.ProviderType;

import java.util.UUID;

/**
 * The driver level of Wintun, as one backend provides it: creating and opening adapters, the
 * running driver version, uninstalling the driver, and the logger. Obtained from
 * {@link Wintun#open()} and its variants.
 *
 * <p>Threading: every method is thread-safe.
 *
 * <p>After close: {@link #close()} closes every adapter opened or created through this driver
 * that is still open (removing the created ones) and releases the backend's resources (such as
 * the loaded library). Afterwards {@link #backendName()} still answers and every other method
 * throws {@link IllegalStateException}.
 */
@ProviderType
public interface WintunDriver extends AutoCloseable {

    /** {@return the name of the backend that provides this driver, such as {@code "mock"} or {@code "ffm"}} */
    String backendName();

    /**
     * Creates an adapter ({@code WintunCreateAdapter}). If another adapter already has this name,
     * that other adapter is renamed ({@code "Name 1"}, {@code "Name 2"}, ...) on Windows and the mock; on
     * Windows any interface whose alias is this name is renamed so, a physical network card included, and
     * when {@code "Name N"} would be over 127 units the creation fails with {@code ERROR_BUFFER_OVERFLOW}
     * and the other interface keeps its name.
     *
     * @param name       the adapter name, 1..127 UTF-16 units without NUL (a backend may be
     *                   stricter: Linux allows 15 bytes)
     * @param tunnelType the tunnel type, shown as {@code "<tunnelType> Tunnel"}, 1..128 units (that text must
     *                   fit 127 + 8 units)
     * @param guid       the requested GUID, or {@code null} for a random one. A request, as in Wintun
     *                   0.13 and later: when another adapter has this GUID, the new adapter gets a random
     *                   one and the creation still succeeds; {@link Adapter#guid()} tells which it got
     * @return the adapter; closing it removes it
     * @throws NullPointerException     when name or tunnelType is null
     * @throws IllegalArgumentException when a name is empty or holds NUL
     * @throws WintunException          {@code ERROR_BUFFER_OVERFLOW} for a name too long, and other driver
     *                                  errors
     */
    Adapter createAdapter(String name, String tunnelType, UUID guid);

    /**
     * Opens an existing adapter by name ({@code WintunOpenAdapter}); the match ignores case. On Windows
     * the name matched is the one the adapter was created with (its Wintun name), not an alias the user
     * gave it later (see {@link Adapter#name()}); a name over 127 units matches none.
     *
     * @param name the adapter name
     * @return the adapter; closing it leaves the adapter in place
     * @throws WintunException {@code ERROR_NOT_FOUND} when there is no such adapter
     */
    Adapter openAdapter(String name);

    /**
     * {@return the version of the running driver ({@code WintunGetRunningDriverVersion})}
     *
     * @throws WintunException {@code ERROR_FILE_NOT_FOUND} when no driver is loaded
     */
    DriverVersion runningDriverVersion();

    /**
     * Uninstalls the driver when no adapter uses it ({@code WintunDeleteDriver}). While any adapter exists
     * on the machine (created by any process), Wintun removes nothing and this fails: on Windows with
     * {@code ERROR_INF_IN_USE_BY_DEVICES} ({@code 0xE000023D}, the error of {@code SetupUninstallOEMInf});
     * the adapters and their sessions go on working. The mock and Linux leave the driver in place and return.
     *
     * @throws WintunException when the driver cannot be removed
     */
    void deleteDriver();

    /**
     * Replaces the driver's logger ({@code WintunSetLogger}). The default is
     * {@link WintunLogger#systemLogger()}.
     *
     * @param logger the new logger, or {@code null} to turn logging off
     */
    void setLogger(WintunLogger logger);

    /** Closes every adapter still open through this driver and releases the backend. Idempotent; never throws. */
    @Override
    void close();
}
