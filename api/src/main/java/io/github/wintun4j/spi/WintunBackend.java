// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.spi;

import io.github.wintun4j.WintunDriver;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The service a backend provides ({@code META-INF/services/io.github.wintun4j.spi.WintunBackend},
 * or {@code provides} in its {@code module-info}). Implementations need a public no-argument
 * constructor that does no native work.
 *
 * <p>Threading: implementations must be thread-safe.
 */
@ProviderType
public interface WintunBackend {

    /** {@return the backend's short name, such as {@code "ffm"}; lower case, unique} */
    String name();

    /** {@return whether it talks to a real driver; {@code false} for emulations such as the mock} */
    boolean isNative();

    /**
     * {@return the order among usable native backends: the highest is picked automatically}
     *
     */
    int priority();

    /**
     * Tells whether this backend can run here. Must never throw, even when native access is
     * missing or the platform is unsupported: that is what the reason is for.
     *
     * @return usable, or the reason why not
     */
    BackendAvailability availability();

    /**
     * Starts the backend.
     *
     * @return a new driver
     * @throws io.github.wintun4j.WintunException when it cannot start
     */
    WintunDriver openDriver();
}
