// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna.osgi;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.internal.ForwardingDriver;
import io.github.wintun4j.spi.WintunBackend;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@code "jna"} driver as an OSGi service: {@code WintunDriver} with
 * {@code wintun4j.backend=jna}, {@code wintun4j.native=true} and {@code service.ranking=10}
 * (below FFM, above the mock; the mock has -100).
 *
 * <p>Prototype scope: every consumer gets a driver of its own, opened from the
 * {@code WintunBackend} service that {@link JnaBackendProbe} registers only when the backend can run
 * here. When the consumer lets go of it, or the backend goes away, {@link #deactivate()} closes
 * the driver: its adapters are removed and their sessions end, so a thread blocked in a receive
 * returns with {@code ERROR_HANDLE_EOF}. Configuration PID {@value #PID} (optional): a host may
 * override the service properties, such as {@code service.ranking}, through Config Admin.
 *
 * <p>Thread-safe, as the driver it wraps.
 */
@Component(name = JnaDriverService.PID,
        service = WintunDriver.class,
        scope = ServiceScope.PROTOTYPE,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {
            WintunServiceProperties.BACKEND + "=jna",
            WintunServiceProperties.NATIVE + ":Boolean=true",
            "service.ranking:Integer=10",
            "service.vendor=wintun4j",
        })
public final class JnaDriverService extends ForwardingDriver {

    /** The component name and configuration PID. */
    public static final String PID = "io.github.wintun4j.jna";

    /**
     * Opens a driver of the backend for one consumer.
     *
     * @param backend the backend, as its probe registered it
     */
    @Activate
    public JnaDriverService(@Reference(name = "backend", target = "(" + WintunServiceProperties.BACKEND + "=jna)") WintunBackend backend) {
        super(backend.openDriver());
    }

    /** The consumer let go of this driver, or the backend is going away: ends its sessions and adapters. */
    @Deactivate
    void deactivate() {
        close();
    }
}
