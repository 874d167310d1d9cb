// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

/**
 * Where a binding's logger callback ({@code WINTUN_LOGGER_CALLBACK}) forwards each message. Called
 * from any thread, native ones included, several at once; must not throw (a binding also catches
 * everything, since an exception escaping an upcall ends the JVM).
 */
@FunctionalInterface
public interface LogSink {

    /**
     * @param level     {@code WINTUN_LOGGER_LEVEL}
     * @param timestamp a FILETIME: 100 ns intervals since 1601-01-01 UTC
     * @param message   the whole text, however long: the DLL's error lines ({@code LoggerError} in
     *                  WireGuard/wintun {@code api/logger.c}, a prefix of up to 1024 units and the system's
     *                  message) have no limit
     */
    void log(int level, long timestamp, String message);
}
