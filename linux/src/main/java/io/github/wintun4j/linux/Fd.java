// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open file descriptor and the promise to close it exactly once: after {@link #close()} the
 * number is never handed out again, because the kernel reuses it for the next open. Whoever owns
 * an {@code Fd} makes sure no other thread is inside a call on it when it closes (the session
 * stops and joins its pump first). Thread-safe.
 */
final class Fd implements AutoCloseable {

    private final LinuxSyscalls sys;
    private final int number;
    private final String what;
    private final AtomicBoolean closed = new AtomicBoolean();

    Fd(LinuxSyscalls sys, int number, String what) {
        this.sys = sys;
        this.number = number;
        this.what = what;
    }

    /**
     * @return the descriptor number
     * @throws IllegalStateException once closed
     */
    int number() {
        if (closed.get()) {
            throw new IllegalStateException(what + " was closed");
        }
        return number;
    }

    /** Closes the descriptor once. Never throws: Linux releases the number even when close reports an error. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sys.close(number);
            } catch (ErrnoException ignored) {
                // The descriptor is gone either way (close(2): never retry on Linux).
            }
        }
    }

    @Override
    public String toString() {
        return what + " (fd " + number + (closed.get() ? ", closed)" : ")");
    }
}
