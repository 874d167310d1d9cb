package io.github.wintun4j.spi.ring;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The read-wait event of one ring: readers wait on it, the writer raises it after publishing.
 *
 * <p>As in the driver, a waiting reader marks the ring alertable before it checks the ring a last
 * time, and the writer signals only when the ring is alertable after publishing. Both the Tail
 * write and the Alertable read are volatile (sequentially consistent), so a reader that finds the
 * ring empty is always either seen by the writer or sees the writer's packet: no lost wake-up.
 * Wake-ups may be spurious; waiters re-check. Thread-safe.
 */
public final class ReadSignal {

    private final Ring ring;
    private final Object monitor = new Object();

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
                while (true) {
                    if (ready.getAsBoolean()) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            } finally {
                ring.addAlertable(-1);
            }
        }
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
