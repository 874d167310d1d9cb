// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/**
 * The properties of the {@link WintunDriver} services that each backend bundle registers in an OSGi
 * framework, for a host's target filter, such as {@code (wintun4j.backend=ffm)}. The API needs no
 * OSGi type to name them.
 *
 * <p>Constants only, compile-time constants, so they may appear in annotations (a Declarative
 * Services {@code property} or {@code target}); nothing to close, nothing shared between threads.
 */
public final class WintunServiceProperties {

    /**
     * The backend of a driver service, a {@code String} such as {@code "ffm"}: {@value}. The same
     * name as the system property {@link Wintun#BACKEND_PROPERTY}, so that one word selects a
     * backend on the class path and in a framework.
     */
    public static final String BACKEND = Wintun.BACKEND_PROPERTY;

    /**
     * Whether the driver service talks to a real driver, a {@code Boolean}: {@value}; {@code false}
     * for an emulation such as the mock (see {@link BackendInfo#isNative()}).
     */
    public static final String NATIVE = "wintun4j.native";

    private WintunServiceProperties() {
    }
}
