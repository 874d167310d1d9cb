package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.LinuxBackend;

/**
 * The {@code "ffm"} backend: {@code java.lang.foreign} downcalls into libc (Java 22+), preferred
 * over JNA where both are usable (priority 20). Linux TUN devices now; Windows support arrives with
 * the wintun.dll binding.
 *
 * <p>Needs native access: {@code --enable-native-access=ALL-UNNAMED} on the class path, or
 * {@code --enable-native-access=io.github.wintun4j.ffm} on the module path. Without it the JVM warns
 * (Java 22 to 25) or refuses; {@link #availability()} then names the flag. Thread-safe.
 */
public final class FfmBackend extends LinuxBackend {

    /** Does no native work: the binding is made on the first probe. */
    public FfmBackend() {
        super("ffm", 20, "io.github.wintun4j.ffm", LibC::bind);
    }
}
