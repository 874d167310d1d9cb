// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/**
 * What {@link Wintun#backends()} knows of one backend present on the class path or module path.
 * Immutable.
 *
 * @param name     the backend name, such as {@code "ffm"}, {@code "jna"} or {@code "mock"}
 * @param isNative whether it talks to a real driver (FFM, JNA) rather than emulating one (mock)
 * @param usable   whether it can run on this machine, in this JVM
 * @param reason   when not usable, why not (for example the JVM flag to add); empty when usable
 */
public record BackendInfo(String name, boolean isNative, boolean usable, String reason) {

    /** Checks the components are present. */
    public BackendInfo {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(reason, "reason");
    }
}
