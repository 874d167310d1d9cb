// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

/**
 * What a native backend says when the JVM refuses it native access ({@code IllegalCallerException}
 * from a restricted method): the flag to add, for the class path and for the module path. Written
 * once so that every native backend names the same fix. Stateless; thread-safe.
 */
public final class NativeAccess {

    private NativeAccess() {
    }

    /**
     * @param backendName the backend, such as {@code "ffm"}
     * @param module      the module that makes the native calls, named in the module-path flag
     * @return the reason, in words a user can act on
     */
    public static String deniedReason(String backendName, String module) {
        return "this JVM denies native access to the " + backendName + " backend: add"
                + " --enable-native-access=ALL-UNNAMED (class path) or --enable-native-access="
                + module + " (module path)";
    }
}
