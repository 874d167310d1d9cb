// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps native memory alive while calls use it: every call that passes a handle to native code
 * runs between {@link #enter()} and {@link #exit()}; {@link #close()} refuses new calls, and
 * {@link #awaitQuiescent()} then waits until the calls in flight have left, after which the handle
 * may be freed. One word: the closed flag in the sign bit, the number of calls in flight below it.
 * Thread-safe.
 */
final class CallGuard {

    private static final int CLOSED = Integer.MIN_VALUE;

    private final AtomicInteger state = new AtomicInteger();

    /** @return {@code true} when the call may proceed (and must {@link #exit()}); {@code false} once closed */
    boolean enter() {
        if (state.incrementAndGet() < 0) {
            exit();
            return false;
        }
        return true;
    }

    /** Ends a call that {@link #enter()} admitted. */
    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** @return {@code true} for the one caller that closed it; {@code false} when it was closed already */
    boolean close() {
        while (true) {
            int current = state.get();
            if (current < 0) {
                return false;
            }
            if (state.compareAndSet(current, current | CLOSED)) {
                return true;
            }
        }
    }

    /** @return whether {@link #close()} was called */
    boolean isClosed() {
        return state.get() < 0;
    }

    /** After {@link #close()}: waits until no admitted call is in flight. Uninterruptible. */
    void awaitQuiescent() {
        boolean interrupted = false;
        synchronized (this) {
            while (state.get() != CLOSED) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
