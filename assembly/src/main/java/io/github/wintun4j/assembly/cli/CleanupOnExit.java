package io.github.wintun4j.assembly.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Ctrl-C handler of example.c in JVM terms: a shutdown hook (SIGINT, SIGTERM, SIGHUP) that
 * asks the demo to stop and then waits until the command's own cleanup (end the session, remove
 * the adapter, close the driver) has finished, so that the JVM does not halt half-way.
 *
 * <p>The hook and the normal path share one cleanup, done by the command's thread: the hook only
 * stops and waits. {@link #close()} marks the cleanup finished and removes the hook; afterwards a
 * hook that still runs returns at once. Thread-safe.
 */
final class CleanupOnExit implements AutoCloseable {

    /** How long the hook waits for the cleanup: more than Wintun's 15 s adapter creation. */
    private static final long PATIENCE_SECONDS = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private CleanupOnExit(Runnable stop, PrintWriter err) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                if (!finished.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    err.println("wintun4j: the cleanup did not finish within " + PATIENCE_SECONDS
                            + " s; exiting without it");
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wintun4j-shutdown");
    }

    /**
     * @param stop what the hook runs first (the demo's stop); runs at once if the JVM is already shutting down
     * @param err  where the hook reports a cleanup that took too long
     * @return the installed hook; close it after the cleanup
     */
    static CleanupOnExit install(Runnable stop, PrintWriter err) {
        CleanupOnExit cleanup = new CleanupOnExit(stop, err);
        try {
            Runtime.getRuntime().addShutdownHook(cleanup.hook);
        } catch (IllegalStateException shuttingDown) {
            stop.run();
        }
        return cleanup;
    }

    /** Marks the cleanup finished and removes the hook. Idempotent. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or ran; it sees the cleanup finished and returns.
        }
    }
}
