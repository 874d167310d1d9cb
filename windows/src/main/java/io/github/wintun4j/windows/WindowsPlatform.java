// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import java.util.Locale;

/**
 * Which platform this JVM runs on, as the Windows support needs to know it: Windows, where
 * wintun.dll, kernel32 and IP Helper are separate system libraries, or another system where a
 * stand-in for wintun.dll (the test simulator) exports all three sets of functions. Stateless.
 */
final class WindowsPlatform {

    private WindowsPlatform() {
    }

    /** @return whether the JVM runs on Windows */
    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** @return the normalised architecture: {@code "x86_64"}, {@code "aarch64"}, or as the JVM says */
    static String architecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
            case "x64":
                return "x86_64";
            case "arm64":
            case "aarch64":
                return "aarch64";
            default:
                return arch;
        }
    }

    /**
     * @return whether the backends use the Windows support: on Windows, and elsewhere only when the
     *         system property {@value WintunDll#PATH_PROPERTY} names a stand-in for wintun.dll
     */
    static boolean selected() {
        String path = System.getProperty(WintunDll.PATH_PROPERTY);
        return isWindows() || (path != null && !path.isBlank());
    }
}
