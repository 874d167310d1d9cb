// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * A {@code WintunDriver} service the shell tracks and, once the shell used it, the shell's own
 * driver from it (the driver services are prototype-scoped: each consumer gets a driver of its own).
 *
 * <p>Threading: {@link #driver} is guarded by the lock of the {@link ShellDrivers} that made this.
 */
final class ShellBackend {

    final ComponentServiceObjects<WintunDriver> service;
    /** The shell's driver from the service, or null until first used. Guarded by {@link ShellDrivers}. */
    WintunDriver driver;

    ShellBackend(ComponentServiceObjects<WintunDriver> service) {
        this.service = service;
    }

    ServiceReference<WintunDriver> reference() {
        return service.getServiceReference();
    }

    /** @return the service's backend name, such as {@code "mock"} */
    String name() {
        return String.valueOf(reference().getProperty(WintunServiceProperties.BACKEND));
    }
}
