// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.osgi.annotation.versioning.ConsumerType;

import java.time.Instant;
import java.util.Objects;

/**
 * Receives the driver's log messages ({@code WintunSetLogger}).
 *
 * <p>Threading: the driver may call a logger from any thread, including several at once and
 * native threads; implementations must be thread-safe and must not block for long. An exception
 * thrown by a logger is caught and dropped by the backend.
 */
@ConsumerType
@FunctionalInterface
public interface WintunLogger {

    /**
     * Takes one message of the driver's log; called from the driver's threads (see the class comment).
     *
     * @param level     the level
     * @param timestamp when the driver logged the message
     * @param message   the text, without a trailing newline
     */
    void log(WintunLogLevel level, Instant timestamp, String message);

    /**
     * The default logger: {@link System.Logger} {@code io.github.wintun4j.driver}, with
     * INFO, WARN and ERR mapped to the levels of the same names.
     *
     * @return a shared, thread-safe logger
     */
    static WintunLogger systemLogger() {
        return SystemLoggerHolder.INSTANCE;
    }

    /**
     * A logger that drops every message.
     *
     * @return a shared, thread-safe logger
     */
    static WintunLogger off() {
        return (level, timestamp, message) -> { };
    }

    /** Holds the lazily created default logger. */
    final class SystemLoggerHolder {
        static final WintunLogger INSTANCE = create();

        private SystemLoggerHolder() {
        }

        private static WintunLogger create() {
            System.Logger logger = System.getLogger("io.github.wintun4j.driver");
            return (level, timestamp, message) -> {
                Objects.requireNonNull(level, "level");
                System.Logger.Level mapped;
                switch (level) {
                    case INFO: mapped = System.Logger.Level.INFO; break;
                    case WARN: mapped = System.Logger.Level.WARNING; break;
                    default: mapped = System.Logger.Level.ERROR; break;
                }
                logger.log(mapped, message);
            };
        }
    }
}
