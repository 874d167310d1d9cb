// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The read-wait event of one ring: readers wait on it, the writer raises it after publishing.
 *
 * <p>As in the driver, a waiting reader marks the ring alertable (an atomic add: a full fence)
 * before it checks the ring a last time, and the writer signals only when it finds the ring
 * alertable after publishing. The writer's side has no fence, so that publishing costs no more
 * than a store: its Alertable read may overtake its Tail store, and a reader that starts to wait
 * in that instant may see neither. That window is as long as a store takes to leave the writer's
 * core; a waiter covers it by re-checking after {@link #FIRST_WAIT_NANOS} before it waits for
 * long. Any later publication sees the waiter (its mark was fenced long before), so a lost
 * wake-up costs at most that first wait, once. Wake-ups may be spurious; waiters re-check.
 * Thread-safe.
 */
public final class ReadSignal {

    /**
     * The first wait of a reader, after which it re-checks the ring whatever happened: far longer
     * than a store needs to become visible to other cores (a monitor waits in whole milliseconds),
     * and only once per wait, so an idle reader costs nothing.
     */
    public static final long FIRST_WAIT_NANOS = 1_000_000;

    private final Ring ring;
    private final Object monitor = new Object();
    /** Run by each reader that starts to wait, after its Alertable mark; see {@link Ring#onReaderWaiting}. */
    private volatile Runnable onWait;

    ReadSignal(Ring ring) {
        this.ring = ring;
    }

    /**
     * Waits until {@code ready} is true or the time is up.
     *
     * @param ready checked before each wait; must read the ring's Tail (or a closed flag)
     * @param nanos the longest wait, in nanoseconds
     * @return whether {@code ready} became true
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean await(BooleanSupplier ready, long nanos) throws InterruptedException {
        if (ready.getAsBoolean()) {
            return true;
        }
        if (nanos <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + nanos;
        synchronized (monitor) {
            ring.addAlertable(1);
            try {
                Runnable listener = onWait;
                if (listener != null) {
                    listener.run();
                }
                boolean first = true;
                while (true) {
                    if (ready.getAsBoolean()) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, first ? Math.min(left, FIRST_WAIT_NANOS) : left);
                    first = false;
                }
            } finally {
                ring.addAlertable(-1);
            }
        }
    }

    void onWait(Runnable listener) {
        this.onWait = listener;
    }

    /** Wakes the waiters if any reader is waiting; cheap when none is. */
    public void signal() {
        if (ring.alertable() != 0) {
            wakeAll();
        }
    }

    /** Wakes every waiter unconditionally (close, termination). */
    public void wakeAll() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
