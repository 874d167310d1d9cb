// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.DriverVersion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "running driver version" on Linux: the TUN driver is part of the kernel, so it is the
 * kernel's {@code major.minor} ({@code uname -r}, as the JVM reports it in {@code os.version}).
 * Stateless; thread-safe.
 */
final class KernelVersion {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d{1,5})\\.(\\d{1,5})");

    private KernelVersion() {
    }

    /**
     * @param release a kernel release such as {@code "6.1.0-18-amd64"}
     * @return its major and minor version, or 0.0 when it cannot be read
     */
    static DriverVersion parse(String release) {
        Matcher matcher = MAJOR_MINOR.matcher(release == null ? "" : release);
        if (!matcher.find()) {
            return new DriverVersion(0, 0);
        }
        return new DriverVersion(Math.min(0xFFFF, Integer.parseInt(matcher.group(1))),
                Math.min(0xFFFF, Integer.parseInt(matcher.group(2))));
    }

    static DriverVersion running() {
        return parse(System.getProperty("os.version"));
    }
}
