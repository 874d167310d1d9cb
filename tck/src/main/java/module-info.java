// SPDX-License-Identifier: Apache-2.0
/**
 * The wintun4j contract test kit: the JUnit 5 tests every backend passes.
 *
 * <p>A backend's test extends {@link io.github.wintun4j.tck.WintunContractTest} and supplies a
 * driver and a {@link io.github.wintun4j.tck.NetworkSide}; it inherits every contract test.
 */
module io.github.wintun4j.tck {
    requires transitive io.github.wintun4j;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports io.github.wintun4j.tck;
    opens io.github.wintun4j.tck to org.junit.platform.commons;

    // OSGi metadata read by bnd at build time (CLASS retention): never needed at run time.
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
}
