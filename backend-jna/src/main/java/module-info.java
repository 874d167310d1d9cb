// SPDX-License-Identifier: Apache-2.0
/**
 * The JNA backend of wintun4j ({@code "jna"}): wintun.dll on Windows and libc (Linux TUN devices)
 * bound with JNA direct mapping, for Java 17 and later.
 */
module io.github.wintun4j.jna {
    requires io.github.wintun4j.linux;
    requires io.github.wintun4j.windows;
    requires com.sun.jna;

    // OSGi: bnd reads the annotations at build time; io.github.wintun4j.jna.osgi holds the
    // Declarative Services components, loaded only inside a framework (requires static).
    requires static org.osgi.service.component.annotations;
    requires static osgi.core;

    provides io.github.wintun4j.spi.WintunBackend with io.github.wintun4j.jna.JnaBackend;
}
