package io.github.wintun4j.jna.osgi;

import io.github.wintun4j.jna.JnaBackend;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import java.util.Dictionary;
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
        BackendAvailability availability = backend.availability();
        if (!availability.usable()) {
            System.getLogger(LOGGER).log(System.Logger.Level.WARNING,
                    "wintun4j backend ''{0}'' registers no driver: {1}", backend.name(), availability.reason());
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("wintun4j.backend", backend.name());
        properties.put("wintun4j.native", backend.isNative());
        registration = context.registerService(WintunBackend.class, backend, properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
