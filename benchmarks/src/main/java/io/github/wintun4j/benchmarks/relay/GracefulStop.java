// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM or SIGINT for a soak program whose main thread loops: the shutdown hook asks the loop to
 * stop, waits (bounded) until it has, then runs the program's report. The main thread must not
 * return from {@code main} while the hook waits (System.exit would block on the running hook), so
 * {@link #loopEnded()} parks it for good once a stop was requested.
 *
 * <p>Thread-safe.
 */
final class GracefulStop {

    private static final long WAIT_SECONDS = 10;

    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean requested;

    /** @param report runs in the shutdown hook once the loop has ended (or did not within 10 s) */
    GracefulStop(String name, Runnable report) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested = true;
            try {
                if (!ended.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println(name + ": the loop did not end within " + WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            report.run();
        }, name + "-stop"));
    }

    /** @return whether the loop should go on */
    boolean running() {
        return !requested;
    }

    /** Called by the main thread when its loop has ended; never returns when a stop was requested. */
    void loopEnded() throws InterruptedException {
        ended.countDown();
        while (requested) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
