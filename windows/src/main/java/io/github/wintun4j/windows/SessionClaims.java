// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.internal.ClaimHandle;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The claims on a {@link WindowsSession}'s two sides, and who ends the session when it is closed
 * while a side is claimed.
 *
 * <p>Why: a claimant calls the DLL without the session's locks (wintun.dll serialises its own calls),
 * checking only the session's closed flag, a volatile read, before each call. Nothing then stops
 * {@code close()} on another thread from passing between that check and the call, so {@code close()}
 * must not free the rings ({@code WintunEndSession}) while a claimant may still be on its way into
 * the DLL. The rule: the session ends when it was closed and no claimant <em>may call</em> any more.
 * A claimant stops being one that may call ("checks out") when it sees the closed flag (from then on
 * its calls end with {@code ERROR_HANDLE_EOF} before reaching the DLL) or gives its claim back; the
 * closer checks out its own claims at once. The last of the closer and the claimants to check out is
 * told to end the session, exactly once. These steps are rare and take this object's monitor; the
 * claimant's per-packet path takes nothing and writes nothing.
 *
 * <p>Consequence: when the session is closed by another thread while a claimant never calls again nor
 * gives its claim back, the rings and events stay allocated until it does, and so does the adapter when it
 * is closed meanwhile: {@link WindowsAdapter} calls {@code WintunCloseAdapter} only after every session
 * of the handle ended, since the adapter's removal closes the session's registration handle.
 *
 * <p>Threading: {@link Side#isHeldByCaller()} and {@link Side#requireUnclaimed()} on any thread;
 * {@link #claim}, {@link #checkOut} and {@link #unclaim} on the claimant's thread; {@link #close()}
 * on the closer's, after it set the session's closed flag.
 */
final class SessionClaims {

    /** One side (receive or send), its lock and its claimant. */
    static final class Side {
        /** The lock of the side's locked path; claiming takes it too. */
        final ReentrantLock lock = new ReentrantLock();
        private final String name;
        /** Read without a lock on every call of this side; written under the monitor. */
        private volatile Thread claimant;
        /** Under the monitor: claimed and not checked out, so the claimant may be calling the DLL. */
        private boolean mayCall;

        private Side(String name) {
            this.name = name;
        }

        /** @return whether the calling thread holds this side; a volatile read, no fence */
        boolean isHeldByCaller() {
            return claimant == Thread.currentThread();
        }

        /** @return whether some thread holds this side */
        boolean isClaimed() {
            return claimant != null;
        }

        @Override
        public String toString() {
            return name + " side";
        }

        /** @return the thread that holds this side, or {@code null} */
        Thread claimant() {
            return claimant;
        }

        /**
         * For the shared path, under the side's lock (which {@link #claim} holds too, so that a
         * shared call and a claimant's call never overlap).
         *
         * @throws IllegalStateException when a thread holds this side
         */
        void requireUnclaimed() {
            Thread holder = claimant;
            if (holder != null) {
                throw new IllegalStateException(ClaimHandle.claimedBy(holder.getName()));
            }
        }
    }

    final Side receive = new Side("receive");
    final Side send = new Side("send");
    private boolean closed;
    private boolean ended;

    /**
     * Gives {@code side} to the calling thread; called under the side's lock.
     *
     * @return {@code false} when the session was closed (nothing claimed)
     * @throws IllegalStateException when the side is claimed already
     */
    synchronized boolean claim(Side side) {
        if (closed) {
            return false;
        }
        Thread holder = side.claimant;
        if (holder != null) {
            throw new IllegalStateException(ClaimHandle.claimedBy(holder.getName()));
        }
        side.claimant = Thread.currentThread();
        side.mayCall = true;
        return true;
    }

    /**
     * The claimant of {@code side} saw the session closed: it will not call the DLL again.
     *
     * @return whether the caller must end the session now (it is the last to check out)
     */
    synchronized boolean checkOut(Side side) {
        if (side.claimant == Thread.currentThread()) {
            side.mayCall = false;
        }
        return endsNow();
    }

    /**
     * Ends the calling thread's claim on {@code side}; does nothing when it holds none.
     *
     * @return whether the caller must end the session now
     */
    synchronized boolean unclaim(Side side) {
        if (side.claimant != Thread.currentThread()) {
            return false;
        }
        side.claimant = null;
        side.mayCall = false;
        return endsNow();
    }

    /**
     * The session was closed (its closed flag is set, its shared-path waiters have left); the caller's
     * own claims check out.
     *
     * @return whether the caller must end the session now; otherwise a claimant will
     */
    synchronized boolean close() {
        closed = true;
        Thread caller = Thread.currentThread();
        for (Side side : new Side[] {receive, send}) {
            if (side.claimant == caller) {
                side.mayCall = false;
            }
        }
        return endsNow();
    }

    private boolean endsNow() {
        if (closed && !ended && !receive.mayCall && !send.mayCall) {
            ended = true;
            return true;
        }
        return false;
    }
}
