// SPDX-License-Identifier: Apache-2.0
/**
 * The FFM backend of wintun4j ({@code "ffm"}): wintun.dll on Windows and libc (Linux TUN devices)
 * bound with {@code java.lang.foreign}. Needs {@code --enable-native-access=io.github.wintun4j.ffm}.
 *
 * <p>A multi-release jar with this one descriptor, compiled for Java 17 (JPMS wants a versioned
 * descriptor to equal the root one, so there is none under {@code META-INF/versions/22}): Java 17
 * and 21 read it and the stand-in {@code FfmBackend} of the root, which reports itself unusable;
 * Java 22 and later use the real classes of {@code META-INF/versions/22}.
 */
module io.github.wintun4j.ffm {
    requires io.github.wintun4j.linux;
    requires io.github.wintun4j.windows;

    // OSGi: bnd reads the annotations at build time; io.github.wintun4j.ffm.osgi holds the
    // Declarative Services components, loaded only inside a framework (requires static).
    requires static org.osgi.service.component.annotations;
    requires static osgi.core;

    provides io.github.wintun4j.spi.WintunBackend with io.github.wintun4j.ffm.FfmBackend;
}
