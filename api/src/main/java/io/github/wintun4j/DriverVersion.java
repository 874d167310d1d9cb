// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/**
 * A Wintun driver version, as {@code WintunGetRunningDriverVersion} reports it:
 * {@code (major << 16) | minor}. Immutable.
 *
 * @param major the major version, 0..65535
 * @param minor the minor version, 0..65535
 */
public record DriverVersion(int major, int minor) {

    /** Validates the parts. */
    public DriverVersion {
        if (major < 0 || major > 0xFFFF || minor < 0 || minor > 0xFFFF) {
            throw new IllegalArgumentException("driver version parts must be in 0..65535, got "
                    + major + "." + minor);
        }
    }

    /**
     * {@return the version}
     *
     * @param dword the packed version, {@code (major << 16) | minor}
     */
    public static DriverVersion fromDword(int dword) {
        return new DriverVersion(dword >>> 16, dword & 0xFFFF);
    }

    /** {@return the packed version, {@code (major << 16) | minor}} */
    public int toDword() {
        return (major << 16) | minor;
    }

    /** {@return {@code "major.minor"}, such as {@code "0.14"}} */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
