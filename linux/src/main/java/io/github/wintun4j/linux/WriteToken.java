// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to write to a session's TUN descriptor: one writer at a time, so that the wire order is
 * the send ring's order. A thread that finds it taken does not wait: it leaves its records to the
 * holder ({@link SendPath}). {@link #lockOut()} takes it for good before the descriptor is closed.
 *
 * <p>Thread-safe.
 */
final class WriteToken {

    private final AtomicBoolean held = new AtomicBoolean();

    /** @return whether the calling thread took the token (it then must {@link #giveBack()} it) */
    boolean tryTake() {
        return held.compareAndSet(false, true);
    }

    /** Gives the token back; only by its holder. */
    void giveBack() {
        held.set(false);
    }

    /**
     * Waits until no thread holds the token and takes it for good: from then on no thread writes to
     * the descriptor, so that it may be closed. Writes are non-blocking and a turn is short, so the
     * wait is short.
     */
    void lockOut() {
        while (!held.compareAndSet(false, true)) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
