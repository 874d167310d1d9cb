// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.windows.sys.LogSink;
import io.github.wintun4j.windows.sys.WindowsAbi;

import java.time.Instant;

/**
 * The Java end of the DLL's process-wide logger: the binding's one callback forwards here, and this
 * converts (level, FILETIME, text) and hands the message to the logger set last. Exceptions from the
 * logger are dropped: nothing may escape into native code. Thread-safe.
 */
final class LogDispatch implements LogSink {

    private static final long FILETIME_TICKS_PER_SECOND = 10_000_000L;

    private volatile WintunLogger logger = WintunLogger.systemLogger();

    /** @param logger the new target, or {@code null} to drop every message */
    void use(WintunLogger logger) {
        this.logger = logger;
    }

    @Override
    public void log(int level, long timestamp, String message) {
        WintunLogger target = logger;
        if (target == null) {
            return;
        }
        try {
            target.log(WintunLogLevel.fromValue(level), toInstant(timestamp), stripNewline(message));
        } catch (Throwable dropped) {
            // WintunLogger: an exception thrown by a logger is dropped.
        }
    }

    /**
     * @param filetime 100 ns intervals since 1601-01-01 UTC
     * @return the same instant
     */
    static Instant toInstant(long filetime) {
        long sinceUnixEpoch = filetime - WindowsAbi.FILETIME_UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(sinceUnixEpoch, FILETIME_TICKS_PER_SECOND),
                Math.floorMod(sinceUnixEpoch, FILETIME_TICKS_PER_SECOND) * 100);
    }

    private static String stripNewline(String message) {
        int end = message.length();
        while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
            end--;
        }
        return message.substring(0, end);
    }
}
