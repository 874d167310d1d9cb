// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.WintunLogger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/** A logger that keeps what it hears, from any thread. */
final class LogRecorder implements WintunLogger {

    /** One message. */
    record Entry(WintunLogLevel level, Instant timestamp, String message) {
    }

    private final LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();

    @Override
    public void log(WintunLogLevel level, Instant timestamp, String message) {
        entries.add(new Entry(level, timestamp, message));
    }

    /** @return what was heard since the last call */
    List<Entry> drain() {
        List<Entry> heard = new ArrayList<>();
        entries.drainTo(heard);
        return heard;
    }
}
