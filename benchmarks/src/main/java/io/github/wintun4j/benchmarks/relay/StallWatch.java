// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices when this whole process stops running for a while: a thread of its own wakes every
 * {@value #TICK_MILLIS} ms and keeps the longest time between two wake-ups. A long gap means the
 * process was not running (a collection's pause, a machine so loaded that it was not scheduled),
 * not that one call blocked: a library call that blocks too long stops only its own thread.
 *
 * <p>The soak's session churn ({@link SessionRestarts}) uses it to tell a session that received
 * nothing because the process stood still from one the library failed.
 *
 * <p>Thread-safe. The watching thread is a daemon: it ends with the process.
 */
final class StallWatch {

    private static final long TICK_MILLIS = 10;

    private final AtomicLong longestGapNanos = new AtomicLong();

    StallWatch() {
        Thread watcher = new Thread(this::watch, "stall-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        long last = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long gap = now - last;
            longestGapNanos.accumulateAndGet(gap, Math::max);
            last = now;
        }
    }

    /** {@return the longest time without a wake-up since the last call, in milliseconds; then counts anew} */
    long takeLongestGapMillis() {
        return longestGapNanos.getAndSet(0) / 1_000_000;
    }
}
