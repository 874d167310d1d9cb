// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * example.c's {@code QuitEvent} and {@code HaveQuit} in one: a manual-reset event that is set once
 * and stays set. Thread-safe.
 */
final class QuitEvent {

    private final CountDownLatch latch = new CountDownLatch(1);

    /** @return {@code true} when this call set the event, {@code false} when it was already set */
    boolean set() {
        synchronized (latch) {
            if (latch.getCount() == 0) {
                return false;
            }
            latch.countDown();
            return true;
        }
    }

    boolean isSet() {
        return latch.getCount() == 0;
    }

    /**
     * @return {@code true} when the event is set, {@code false} when the time ran out first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return latch.await(timeout, unit);
    }
}
