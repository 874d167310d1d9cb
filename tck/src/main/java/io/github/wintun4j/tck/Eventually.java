// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls for an outcome that a backend reaches asynchronously (a driver thread draining the send
 * ring, a counter catching up), without fixing how fast: the contract says "eventually", the
 * kit allows a generous bound. Stateless.
 */
final class Eventually {

    /** The bound for outcomes that a healthy backend reaches in microseconds. */
    static final Duration SOON = Duration.ofSeconds(5);

    private Eventually() {
    }

    /**
     * @param what      what is awaited, for the failure message
     * @param condition polled until true
     * @throws AssertionError when it stays false for {@link #SOON}
     */
    static void until(String what, BooleanSupplier condition) {
        value(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /**
     * @param what   what is awaited, for the failure message
     * @param source polled until it gives a non-null value
     * @param <T>    the value
     * @return the first non-null value
     * @throws AssertionError when it stays null for {@link #SOON}
     */
    static <T> T value(String what, Supplier<T> source) {
        long deadline = System.nanoTime() + SOON.toNanos();
        int round = 0;
        while (true) {
            T value = source.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + SOON.toMillis() + " ms waiting for " + what);
            }
            if (++round < 100) {
                Thread.onSpinWait();
            } else {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }
    }
}
