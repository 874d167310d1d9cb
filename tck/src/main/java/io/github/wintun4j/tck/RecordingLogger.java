// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.WintunLogger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WintunLogger} that keeps what it hears, for the logger contract. Thread-safe, as a
 * logger must be: the driver may call it from any thread.
 */
final class RecordingLogger implements WintunLogger {

    /** One message as the driver logged it. */
    record Entry(WintunLogLevel level, Instant timestamp, String message) {
    }

    private final LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();

    @Override
    public void log(WintunLogLevel level, Instant timestamp, String message) {
        entries.add(new Entry(level, timestamp, message));
    }

    /**
     * @param atMost the longest wait for the first one
     * @return the messages heard so far, waiting for one if there is none yet (empty on timeout)
     * @throws InterruptedException when interrupted
     */
    List<Entry> await(Duration atMost) throws InterruptedException {
        List<Entry> heard = new ArrayList<>();
        Entry first = entries.poll(atMost.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
            heard.add(first);
            entries.drainTo(heard);
        }
        return heard;
    }

    /** @return the messages heard so far, without waiting; they are taken */
    List<Entry> drain() {
        List<Entry> heard = new ArrayList<>();
        entries.drainTo(heard);
        return heard;
    }
}
