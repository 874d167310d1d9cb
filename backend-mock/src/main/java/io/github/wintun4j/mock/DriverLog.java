// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.WintunLogger;

import java.time.Instant;

/**
 * The driver's logger ({@code WintunSetLogger}): one per {@link MockDriver}, shared by its
 * adapters, sessions and networks. Callers log after releasing their locks, so that a logger may
 * call back into the mock. A logger that throws is ignored: the real driver cannot be broken by
 * its callback either. Thread-safe.
 */
final class DriverLog {

    /** wintun.h: log messages are at most 1024 UTF-16 units, terminator included. */
    private static final int MAX_MESSAGE_LENGTH = 1023;

    private volatile WintunLogger logger = WintunLogger.systemLogger();

    /** @param logger the new logger; {@code null} turns logging off */
    void set(WintunLogger logger) {
        this.logger = logger != null ? logger : WintunLogger.off();
    }

    void info(String message) {
        log(WintunLogLevel.INFO, message);
    }

    void warn(String message) {
        log(WintunLogLevel.WARN, message);
    }

    void error(String message) {
        log(WintunLogLevel.ERR, message);
    }

    private void log(WintunLogLevel level, String message) {
        String text = message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message;
        try {
            logger.log(level, Instant.now(), text);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Dropped on purpose: a broken logger must not change what the driver does.
        }
    }
}
