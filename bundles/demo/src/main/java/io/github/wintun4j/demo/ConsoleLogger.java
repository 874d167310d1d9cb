// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.WintunLogger;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;

/**
 * The console logger of Wintun's example program: one line per message,
 * {@code YYYY-MM-DD hh:mm:ss.ffff [+|-|!] message}, with {@code +} for info, {@code -} for
 * warnings and {@code !} for errors. The driver logs through it ({@link #log}) and so does the
 * demo itself ({@link #info}, {@link #warn}, {@link #error}), as in example.c.
 *
 * <p>Two details copied from example.c's {@code "%04u-%02u-%02u %02u:%02u:%02u.%04u"} on a
 * {@code SYSTEMTIME} made by {@code FileTimeToSystemTime}: the time is UTC, and the four-digit
 * fraction is the milliseconds printed in a field of four (so it always starts with 0:
 * {@code .0042} is 42 ms), not ten-thousandths of a second.
 *
 * <p>Thread-safe: the driver may log from any thread, and each line is written and flushed whole.
 */
public final class ConsoleLogger implements WintunLogger {

    private static final DateTimeFormatter UP_TO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final Clock clock;

    /**
     * @param out where the lines go; flushed after each line
     */
    public ConsoleLogger(PrintWriter out) {
        this(out, Clock.systemUTC());
    }

    /**
     * @param out   where the lines go; flushed after each line
     * @param clock the time of the demo's own lines
     */
    public ConsoleLogger(PrintWriter out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void log(WintunLogLevel level, Instant timestamp, String message) {
        String line = format(level, timestamp, message);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /**
     * @return whether writing failed at some point, such as standard output piped into a program
     *         that has exited ({@code | head}); the JVM ignores SIGPIPE, so this is how to notice
     */
    public boolean isBroken() {
        return out.checkError();
    }

    /** @param message a line of the demo at level {@code +} (info), timestamped now */
    public void info(String message) {
        log(WintunLogLevel.INFO, clock.instant(), message);
    }

    /** @param message a line of the demo at level {@code -} (warning), timestamped now */
    public void warn(String message) {
        log(WintunLogLevel.WARN, clock.instant(), message);
    }

    /** @param message a line of the demo at level {@code !} (error), timestamped now */
    public void error(String message) {
        log(WintunLogLevel.ERR, clock.instant(), message);
    }

    /**
     * @param level     the level; {@code null} is shown as an error, so that nothing is lost
     * @param timestamp when
     * @param message   the text
     * @return the line as example.c prints it, without the line break
     */
    public static String format(WintunLogLevel level, Instant timestamp, String message) {
        char marker = (level == null ? WintunLogLevel.ERR : level).symbol();
        return UP_TO_SECONDS.format(timestamp)
                + String.format(Locale.ROOT, ".%04d [%c] ", timestamp.get(ChronoField.MILLI_OF_SECOND), marker)
                + message;
    }
}
