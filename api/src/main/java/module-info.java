// SPDX-License-Identifier: Apache-2.0
/**
 * wintun4j: layer-3 TUN devices for Java, in the model of Wintun.
 *
 * <p>Applications use {@link io.github.wintun4j.Wintun} and the types of {@code io.github.wintun4j};
 * backends implement {@link io.github.wintun4j.spi.WintunBackend}. Depends on the JDK only.
 *
 * <p>{@code io.github.wintun4j.internal} (argument checks, claims, the OSGi offer of a backend) and
 * {@code io.github.wintun4j.internal.ring} (the Wintun ring model) are shared by the project's own
 * modules and exported to them alone; they are no API and change without notice.
 */
module io.github.wintun4j {
    exports io.github.wintun4j;
    exports io.github.wintun4j.spi;
    // Qualified: the project's modules only (OSGi: the mandatory attribute wintun4j=internal).
    exports io.github.wintun4j.internal to
            io.github.wintun4j.mock, io.github.wintun4j.linux, io.github.wintun4j.windows,
            io.github.wintun4j.ffm, io.github.wintun4j.jna, io.github.wintun4j.tck;
    exports io.github.wintun4j.internal.ring to
            io.github.wintun4j.mock, io.github.wintun4j.linux, io.github.wintun4j.windows;

    uses io.github.wintun4j.spi.WintunBackend;

    // OSGi metadata read by bnd at build time (CLASS retention): needed neither to run nor to
    // compile against this module.
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
}
