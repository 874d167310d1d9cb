package io.github.wintun4j.internal;

/**
 * What a claimed side's handle ({@link ClaimedReceiver}, {@link ClaimedSender}, and a backend's
 * own, such as the mock's network-side claims) holds besides what it wraps: who claimed, whether
 * the handle was closed, and how to give the claim back.
 *
 * <p>Threading: made and closed on the claiming thread; {@code closed} is volatile so that another
 * thread that calls a closed handle is refused for that reason and never reaches the session's
 * shared path.
 */
public abstract class ClaimHandle implements AutoCloseable {

    private final Thread claimant = Thread.currentThread();
    private final Runnable giveBack;
    private final String kind;
    private volatile boolean closed;

    /**
     * @param kind     what the handle is, such as "receiver" or "sender", for messages
     * @param giveBack ends the claim; run once, by {@link #close()} on the claimant's thread
     */
    protected ClaimHandle(String kind, Runnable giveBack) {
        this.kind = kind;
        this.giveBack = giveBack;
    }

    /** @return whether {@link #close()} ran (seen from any thread) */
    protected final boolean isClosed() {
        return closed;
    }

    /** @throws IllegalStateException after {@link #close()} */
    protected final void requireOpen() {
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
