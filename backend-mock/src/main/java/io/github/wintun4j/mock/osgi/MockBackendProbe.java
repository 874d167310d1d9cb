// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock.osgi;

import io.github.wintun4j.mock.MockBackend;
import io.github.wintun4j.internal.BackendOffer;
import io.github.wintun4j.spi.WintunBackend;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import java.util.Hashtable;

/**
 * Decides, as the bundle starts, whether the mock offers itself: asks the backend's
 * {@link WintunBackend#availability()} and, when usable, registers the backend as a
 * {@code WintunBackend} service ({@code wintun4j.backend=mock}), which {@link MockDriverService}
 * needs; when not usable, registers nothing and logs why ({@code System.Logger} {@value #LOGGER}).
 * The mock is always usable; the native backends carry the same probe, and there it matters.
 *
 * <p>The registration happens inside the bundle's start, so the driver service is there as soon
 * as the bundle is active: a consumer that finds no driver of a backend after its bundle started
 * may conclude that the backend cannot run here.
 */
@Component(name = MockBackendProbe.NAME, immediate = true, service = {})
public final class MockBackendProbe {

    /** The component name. */
    public static final String NAME = "io.github.wintun4j.mock.probe";

    static final String LOGGER = "io.github.wintun4j.mock";

    private ServiceRegistration<WintunBackend> registration;

    @Activate
    void activate(BundleContext context) {
        WintunBackend backend = new MockBackend();
        BackendOffer.serviceProperties(backend, LOGGER).ifPresent(properties ->
                registration = context.registerService(WintunBackend.class, backend, new Hashtable<>(properties)));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
