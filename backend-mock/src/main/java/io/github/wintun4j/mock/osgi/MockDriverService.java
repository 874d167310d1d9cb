// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock.osgi;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.mock.MockBackend;
import io.github.wintun4j.internal.ForwardingDriver;
import io.github.wintun4j.spi.WintunBackend;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The mock's driver as an OSGi service: {@code WintunDriver} with {@code wintun4j.backend=mock},
 * {@code wintun4j.native=false} and {@code service.ranking=-100}, below every native backend, so
 * that a consumer that takes the highest-ranked driver never gets the mock while a native one is
 * registered.
 *
 * <p>Prototype scope: every consumer (every bundle, or every component instance that asks for a
 * prototype) gets a driver of its own, here an in-memory machine of its own. When the consumer
 * lets go of it, or the backend goes away (the bundle stops, the component is disabled or
 * reconfigured), {@link #deactivate()} closes the driver: its adapters are removed and their
 * sessions end, so a thread still blocked in a receive returns with {@code ERROR_HANDLE_EOF}.
 * Consumers must not close a driver they got as a service; the framework does.
 *
 * <p>Each driver is opened from the {@code WintunBackend} service that {@link MockBackendProbe}
 * registers only when the backend can run here, so nothing is registered otherwise. Nothing in
 * this class but its annotations is specific to the mock. Configuration PID {@value #PID}
 * (optional): a host may override the service properties, such as {@code service.ranking},
 * through Config Admin.
 *
 * <p>Thread-safe, as the driver it wraps.
 */
@Component(name = MockDriverService.PID,
        service = WintunDriver.class,
        scope = ServiceScope.PROTOTYPE,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {
            WintunServiceProperties.BACKEND + "=" + MockBackend.NAME,
            WintunServiceProperties.NATIVE + ":Boolean=false",
            "service.ranking:Integer=-100",
            "service.vendor=wintun4j",
        })
public final class MockDriverService extends ForwardingDriver {

    /** The component name and configuration PID. */
    public static final String PID = "io.github.wintun4j.mock";

    /**
     * Opens a driver of the backend for one consumer.
     *
     * @param backend the backend, as its probe registered it
     */
    @Activate
    public MockDriverService(@Reference(name = "backend", target = "(" + WintunServiceProperties.BACKEND + "=" + MockBackend.NAME + ")") WintunBackend backend) {
        super(backend.openDriver());
    }

    /** The consumer let go of this driver, or the backend is going away: ends its sessions and adapters. */
    @Deactivate
    void deactivate() {
        close();
    }
}
