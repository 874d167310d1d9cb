package io.github.wintun4j.spi;

/**
 * What a claimed side's handle ({@link ClaimedReceiver}, {@link ClaimedSender}) holds besides
 * the session: who claimed, whether the handle was closed, and how to give the claim back.
 *
 * <p>Threading: made and closed on the claiming thread; {@code closed} is volatile so that another
 * thread that calls a closed handle is refused for that reason and never reaches the session's
 * shared path.
 */
abstract class ClaimHandle implements AutoCloseable {

    private final Thread claimant = Thread.currentThread();
    private final Runnable giveBack;
    private final String kind;
    private volatile boolean closed;

    /**
     * @param kind     "receiver" or "sender", for messages
     * @param giveBack ends the claim; run once, by {@link #close()} on the claimant's thread
     */
    ClaimHandle(String kind, Runnable giveBack) {
        this.kind = kind;
        this.giveBack = giveBack;
    }

    /** @throws IllegalStateException after {@link #close()} */
    final void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this " + kind + " was closed; claim a new one or use the session");
        }
    }

    /** Gives the side back; idempotent; does nothing on a thread other than the claimant. */
    @Override
    public final void close() {
        if (Thread.currentThread() == claimant && !closed) {
            closed = true;
            giveBack.run();
        }
    }

    @Override
    public final String toString() {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "[" + claimant.getName()
                + (closed ? ", closed]" : "]");
    }
}
