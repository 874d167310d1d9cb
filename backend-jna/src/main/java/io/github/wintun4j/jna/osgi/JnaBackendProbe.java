// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna.osgi;

import io.github.wintun4j.jna.JnaBackend;
import io.github.wintun4j.internal.BackendOffer;
import io.github.wintun4j.spi.WintunBackend;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import java.util.Hashtable;

/**
 * Decides, as the bundle starts, whether the {@code "jna"} backend offers itself: asks its
 * {@link WintunBackend#availability()} and, when usable, registers it as a {@code WintunBackend}
 * service ({@code wintun4j.backend=jna}), which {@link JnaDriverService} needs; when not usable
 * (no {@code /dev/net/tun}, no native access), registers nothing and logs why
 * ({@code System.Logger} {@value #LOGGER}). The registration happens inside the bundle's start.
 */
@Component(name = JnaBackendProbe.NAME, immediate = true, service = {})
public final class JnaBackendProbe {

    /** The component name. */
    public static final String NAME = "io.github.wintun4j.jna.probe";

    static final String LOGGER = "io.github.wintun4j.jna";

    private ServiceRegistration<WintunBackend> registration;

    @Activate
    void activate(BundleContext context) {
        WintunBackend backend = new JnaBackend();
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
