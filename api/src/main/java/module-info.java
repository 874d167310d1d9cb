/**
 * wintun4j: layer-3 TUN devices for Java, in the model of Wintun.
 *
 * <p>Applications use {@link io.github.wintun4j.Wintun} and the types of {@code io.github.wintun4j};
 * backends implement {@link io.github.wintun4j.spi.WintunBackend} and may build on the ring model
 * of {@code io.github.wintun4j.internal.ring}. Depends on the JDK only.
 */
module io.github.wintun4j {
    exports io.github.wintun4j;
    exports io.github.wintun4j.ip;
    exports io.github.wintun4j.spi;
    exports io.github.wintun4j.internal;
    exports io.github.wintun4j.internal.ring;

    uses io.github.wintun4j.spi.WintunBackend;

    // OSGi metadata read by bnd at build time (CLASS retention): needed neither to run nor to
    // compile against this module.
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
}
