// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One call run on its own daemon thread, so that a test can block it, act on it from the test
 * thread (close, deliver, interrupt) and then measure when and how it ended.
 *
 * <p>Thread-safe: started by one thread, observed by another.
 *
 * @param <T> the call's result
 */
final class BackgroundCall<T> {

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile T value;
    private volatile Throwable thrown;
    private volatile long endNanos;

    private BackgroundCall(String name, Callable<T> call) {
        this.thread = new Thread(() -> {
            try {
                value = call.call();
            } catch (Throwable t) {
                thrown = t;
            } finally {
                endNanos = System.nanoTime();
                done.countDown();
            }
        }, "wintun4j-tck-" + name);
        thread.setDaemon(true);
    }

    /**
     * @param name names the thread
     * @param call the call
     * @param <T>  its result
     * @return the started call
     */
    static <T> BackgroundCall<T> start(String name, Callable<T> call) {
        BackgroundCall<T> background = new BackgroundCall<>(name, call);
        background.thread.start();
        return background;
    }

    /**
     * Waits until the thread is parked (waiting on a monitor, a lock or a timed wait), which is
     * how a Java backend blocks in a receive; a native backend that blocks inside a native call
     * shows as runnable, so this also returns after {@code atMost} without failing.
     *
     * @param atMost the longest wait
     * @throws InterruptedException when interrupted
     */
    void awaitBlocked(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() - deadline < 0 && done.getCount() > 0) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                // Parked: give a backend's spin-then-wait a moment to be fully inside its wait.
                Thread.sleep(20);
                return;
            }
            Thread.sleep(1);
        }
    }

    /**
     * @param atMost the longest wait
     * @return whether the call ended in time
     * @throws InterruptedException when interrupted
     */
    boolean await(Duration atMost) throws InterruptedException {
        return done.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits for the call to end and returns what it threw.
     *
     * @param atMost the longest wait
     * @return the throwable, never {@code null}
     * @throws AssertionError when the call did not end in time or returned normally
     * @throws InterruptedException when interrupted
     */
    Throwable thrown(Duration atMost) throws InterruptedException {
        requireDone(atMost);
        if (thrown == null) {
            throw new AssertionError(thread.getName() + " was expected to throw, but returned " + value);
        }
        return thrown;
    }

    /**
     * Waits for the call to end and returns its result.
     *
     * @param atMost the longest wait
     * @return the result
     * @throws AssertionError when the call did not end in time or threw (the cause is attached)
     * @throws InterruptedException when interrupted
     */
    T value(Duration atMost) throws InterruptedException {
        requireDone(atMost);
        if (thrown != null) {
            throw new AssertionError(thread.getName() + " failed: " + thrown, thrown);
        }
        return value;
    }

    /** @return {@link System#nanoTime()} when the call ended; valid once it ended */
    long endNanos() {
        return endNanos;
    }

    /** Interrupts the thread. */
    void interrupt() {
        thread.interrupt();
    }

    private void requireDone(Duration atMost) throws InterruptedException {
        if (!await(atMost)) {
            AssertionError error = new AssertionError(thread.getName() + " did not end within " + atMost);
            StackTraceElement[] stack = thread.getStackTrace();
            Throwable where = new Throwable("stack of " + thread.getName());
            where.setStackTrace(stack);
            error.addSuppressed(where);
            thread.interrupt();
            throw error;
        }
    }
}
