// SPDX-License-Identifier: Apache-2.0
/**
 * The mock backend of wintun4j: an in-memory Wintun driver with a scriptable network side, for
 * tests and demos. No driver, no administrator rights, no threads of its own.
 *
 * <p>Applications reach it through {@code io.github.wintun4j.Wintun.open("mock")}; tests that
 * script the network side use {@link io.github.wintun4j.mock.MockDriver} and
 * {@link io.github.wintun4j.mock.MockNetwork} directly.
 */
module io.github.wintun4j.mock {
    requires transitive io.github.wintun4j;
    requires io.github.wintun4j.ip;

    exports io.github.wintun4j.mock;

    provides io.github.wintun4j.spi.WintunBackend with io.github.wintun4j.mock.MockBackend;

    // OSGi: bnd reads the annotations at build time; the package io.github.wintun4j.mock.osgi holds
    // the Declarative Services components, loaded only inside a framework. None is needed at run
    // time on the module path or the class path.
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
    requires static org.osgi.service.component.annotations;
    requires static osgi.core;
}
