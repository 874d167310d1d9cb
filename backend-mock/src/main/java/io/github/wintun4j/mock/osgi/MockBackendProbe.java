package io.github.wintun4j.mock.osgi;

import io.github.wintun4j.mock.MockBackend;
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
