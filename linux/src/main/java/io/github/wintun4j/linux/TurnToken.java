// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One direction's turn at a session's TUN descriptor: one thread at a time writes it (so that the
 * wire order is the send ring's order), and one thread at a time reads it (so that the receive
 * ring's order is the read order). A thread that finds the token taken does not wait: it leaves
 * the work to the holder ({@link SendPath}, {@link ReceivePath}). {@link #lockOut()} takes it for
 * good before the descriptor is closed.
 *
 * <p>Thread-safe.
 */
final class TurnToken {

    private final AtomicBoolean held = new AtomicBoolean();

    /** @return whether the calling thread took the token (it then must {@link #giveBack()} it) */
    boolean tryTake() {
        return held.compareAndSet(false, true);
    }

    /** @return whether some thread holds the token now (it may give it back at any moment) */
    boolean isHeld() {
        return held.get();
    }

    /**
     * Waits for the token, briefly: the holder's reads or writes do not block.
     *
     * @param giveUp looked at while waiting; {@code true} ends the wait without the token
     * @return whether the calling thread took the token (it then must {@link #giveBack()} it)
     */
    boolean take(BooleanSupplier giveUp) {
        while (!tryTake()) {
            if (giveUp.getAsBoolean()) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    /** Gives the token back; only by its holder. */
    void giveBack() {
        held.set(false);
    }

    /**
     * Waits until no thread holds the token and takes it for good: from then on no thread uses the
     * descriptor in this direction, so that it may be closed. Reads and writes are non-blocking and
     * a turn is short, so the wait is short.
     */
    void lockOut() {
        while (!held.compareAndSet(false, true)) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
