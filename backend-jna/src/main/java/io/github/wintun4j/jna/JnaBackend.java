package io.github.wintun4j.jna;

import io.github.wintun4j.linux.LinuxBackend;

/**
 * The {@code "jna"} backend: JNA direct mapping into libc, for hosts on Java 17 and 21 (priority
 * 10, below FFM). Linux TUN devices now; Windows support arrives with the wintun.dll binding.
 *
 * <p>On Java 24 and later, loading JNA's native library is a restricted operation: add
 * {@code --enable-native-access=ALL-UNNAMED} (class path) or {@code --enable-native-access=com.sun.jna}
 * (module path) to silence the JVM's warning, or where the JVM refuses. Thread-safe.
 */
public final class JnaBackend extends LinuxBackend {

    /** Does no native work: JNA loads on the first probe. */
    public JnaBackend() {
        super("jna", 10, "com.sun.jna", JnaLibC::bind);
    }
}
