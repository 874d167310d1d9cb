// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.mock.MockDriver;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * A second backend registered by the test bundle, the way a backend's DS component registers:
 * a prototype {@code WintunDriver} service with {@code wintun4j.backend} and a ranking, each
 * consumer getting a {@link MockDriver} of its own that is closed when given back. It stands in
 * for a native backend where the swap tests need two; the test sees the drivers it handed out.
 */
final class SecondBackend implements PrototypeServiceFactory<WintunDriver> {

    private final List<MockDriver> handedOut = new CopyOnWriteArrayList<>();
    private final List<MockDriver> givenBack = new CopyOnWriteArrayList<>();
    private ServiceRegistration<?> registration;

    /** Registers the service. */
    static SecondBackend register(BundleContext context, String name, int ranking, boolean isNative) {
        SecondBackend backend = new SecondBackend();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(WintunServiceProperties.BACKEND, name);
        properties.put(WintunServiceProperties.NATIVE, isNative);
        properties.put(Constants.SERVICE_RANKING, ranking);
        backend.registration = context.registerService(WintunDriver.class.getName(), backend, properties);
        return backend;
    }

    void unregister() {
        registration.unregister();
    }

    List<MockDriver> handedOut() {
        return handedOut;
    }

    List<MockDriver> givenBack() {
        return givenBack;
    }

    @Override
    public WintunDriver getService(Bundle bundle, ServiceRegistration<WintunDriver> registration) {
        MockDriver driver = new MockDriver();
        driver.setLogger(WintunLogger.off());
        handedOut.add(driver);
        return driver;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<WintunDriver> registration, WintunDriver service) {
        service.close();
        givenBack.add((MockDriver) service);
    }
}
