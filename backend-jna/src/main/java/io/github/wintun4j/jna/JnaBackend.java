// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.platform.CrossPlatformBackend;

/**
 * The {@code "jna"} backend: JNA direct mapping, for hosts on Java 17 and 21 (priority 10, below FFM).
 * On Windows it binds wintun.dll ({@code io.github.wintun4j.windows}); on Linux it binds libc for TUN
 * devices ({@code io.github.wintun4j.linux}), unless the system property {@code wintun4j.dll} names a
 * stand-in for wintun.dll.
 *
 * <p>On Java 24 and later, loading JNA's native library is a restricted operation: add
 * {@code --enable-native-access=ALL-UNNAMED} (class path) or {@code --enable-native-access=com.sun.jna}
 * (module path) to silence the JVM's warning, or where the JVM refuses. Thread-safe.
 */
public final class JnaBackend extends CrossPlatformBackend {

    private static final String MODULE = "com.sun.jna";

    /** Does no native work: JNA loads on the first probe. */
    public JnaBackend() {
        super("jna", 10, MODULE, linux(), new JnaWindows());
    }

    /** @return the Linux half alone (libc, TUN devices), for the tests of real devices */
    static LinuxBackend linux() {
        return new LinuxBackend("jna", 10, MODULE, JnaLibC::bind) { };
    }
}
