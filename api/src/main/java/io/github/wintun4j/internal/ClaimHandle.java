// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

/**
 * What a claimed side's handle (a session's {@link io.github.wintun4j.Receiver} or
 * {@link io.github.wintun4j.Sender}, and a backend's own, such as the mock's network-side claims)
 * holds besides what it wraps: who claimed, whether the handle was closed, and how to give the
 * claim back.
 *
 * <p>Threading: made and closed on the claiming thread; {@code closed} is volatile so that another
 * thread that calls a closed handle is refused for that reason and never reaches the session's
 * shared path. {@link #close()} on another thread is an error, not a silent no-op: only the
 * claimant knows when it stops using the side, and a close that did nothing would leave a caller
 * believing the side was free.
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

    /**
     * For a handle that gives the claim back itself, by overriding {@link #giveBack()}.
     *
     * @param kind what the handle is, such as "receiver" or "sender", for messages
     */
    protected ClaimHandle(String kind) {
        this(kind, null);
    }

    /** Ends the claim: runs the give-back passed to the constructor. Called once, by {@link #close()} on the claimant's thread. */
    protected void giveBack() {
        giveBack.run();
    }

    /**
     * The one message, on every backend, of a call refused because a thread claimed the side: a
     * session's own method while the side is claimed (on any thread, the claimant's included), a
     * second claim, or a claimed handle used on another thread.
     *
     * @param claimant the name of the claiming thread
     * @return the message
     */
    public static String claimedBy(String claimant) {
        return "this side of the session is claimed by thread \"" + claimant + "\": until that claim is closed,"
                + " only its Receiver or Sender, on that thread, may use it";
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

    /**
     * Gives the side back; idempotent on the claimant's thread.
     *
     * @throws IllegalStateException on any other thread, naming the claimant; nothing changes
     */
    @Override
    public final void close() {
        if (Thread.currentThread() != claimant) {
            throw new IllegalStateException("this " + kind + " belongs to thread \"" + claimant.getName()
                    + "\", which claimed it; only that thread may close it");
        }
        if (!closed) {
            closed = true;
            giveBack();
        }
    }

    @Override
    public final String toString() {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "[" + claimant.getName()
                + (closed ? ", closed]" : "]");
    }
}
