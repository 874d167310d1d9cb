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
     * @param message   the text, at most {@link WindowsAbi#MAX_LOG_MESSAGE_UNITS} UTF-16 units
     */
    void log(int level, long timestamp, String message);
}
