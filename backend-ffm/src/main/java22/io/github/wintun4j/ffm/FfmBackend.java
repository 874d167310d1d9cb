// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.platform.CrossPlatformBackend;

/**
 * The {@code "ffm"} backend: {@code java.lang.foreign} downcalls (Java 22+), preferred over JNA where
 * both are usable (priority 20). On Windows it binds wintun.dll ({@code io.github.wintun4j.windows});
 * on Linux it binds libc for TUN devices ({@code io.github.wintun4j.linux}), unless the system property
 * {@code wintun4j.dll} names a stand-in for wintun.dll.
 *
 * <p>Needs native access: {@code --enable-native-access=ALL-UNNAMED} on the class path, or
 * {@code --enable-native-access=io.github.wintun4j.ffm} on the module path. Without it the JVM warns
 * (Java 22 to 25) or refuses; {@link #availability()} then names the flag. Thread-safe.
 */
public final class FfmBackend extends CrossPlatformBackend {

    private static final String MODULE = "io.github.wintun4j.ffm";

    /** Does no native work: the binding is made on the first probe. */
    public FfmBackend() {
        super("ffm", 20, MODULE, linux(), new FfmWindows());
    }

    /** @return the Linux half alone (libc, TUN devices), for the tests of real devices */
    static LinuxBackend linux() {
        return new LinuxBackend("ffm", 20, MODULE, LibC::bind) { };
    }
}
