// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunException;
import io.github.wintun4j.internal.ClaimHandle;

/**
 * Who may touch a side of a {@link WindowsSession} now, and how: the two ways in, the claims, and the
 * session's end, in one place.
 *
 * <ul>
 *   <li>The locked way: the session's own methods {@linkplain #lockShared lock} the side, and are
 *       refused (without the lock) when the session is closed or the side is claimed by any thread,
 *       the claimant's included.</li>
 *   <li>The claimed way: a {@link WindowsReceiver} or {@link WindowsSender} {@linkplain #requireClaimant
 *       checks} that its thread holds the claim and that the session is not closed (two volatile reads,
 *       no lock, no atomic instruction), then calls the side.</li>
 *   <li>Calls that serve both (closing a packet, looking ahead for readability) are the only ones that
 *       choose: {@link #holdOrLock}.</li>
 * </ul>
 *
 * <p>Threading: as each method says; the session's end runs once ({@link SessionClaims}).
 */
final class SessionAccess {

    final SessionClaims claims = new SessionClaims();
    final CallGuard guard = new CallGuard();
    private final Runnable end;

    /** @param end frees the rings; run once, by the last of the closer and the claimants to leave */
    SessionAccess(Runnable end) {
        this.end = end;
    }

    /** Takes the side's lock; throws (without the lock) when the session is closed or the side claimed. */
    void lockShared(SessionClaims.Side side, String function) {
        side.lock.lock();
        if (guard.isClosed()) {
            side.lock.unlock();
            throw closed(function);
        }
        Thread holder = side.claimant();
        if (holder != null) {
            side.lock.unlock();
            throw new IllegalStateException(ClaimHandle.claimedBy(holder.getName()));
        }
    }

    /** The claimed way's check: the caller holds {@code side}, and the session is open (else it checks out). */
    void requireClaimant(SessionClaims.Side side, String function) {
        if (!side.isHeldByCaller()) {
            Thread holder = side.claimant();
            throw new IllegalStateException(holder == null ? "the claim on this side of the session was given back"
                    : ClaimHandle.claimedBy(holder.getName()));
        }
        if (guard.isClosed()) {
            throw closedFor(side, function);
        }
    }

    /**
     * The one choice between the two ways, for the calls that serve both.
     *
     * @return {@code true} when the caller holds {@code side} (no lock taken); {@code false} when it took
     *         the side's lock, which it must release
     */
    static boolean holdOrLock(SessionClaims.Side side) {
        if (side.isHeldByCaller()) {
            return true;
        }
        side.lock.lock();
        return false;
    }

    /** @param held what {@link #holdOrLock} returned */
    static void leave(SessionClaims.Side side, boolean held) {
        if (!held) {
            side.lock.unlock();
        }
    }

    static WintunException closed(String function) {
        return WindowsErrors.endOfFile(function, "the session was closed");
    }

    /** @return the error of a call that saw the session closed; a claimant of {@code side} checks out first */
    WintunException closedFor(SessionClaims.Side side, String function) {
        if (side.isHeldByCaller()) {
            checkOut(side);
        }
        return closed(function);
    }

    /** The claimant of {@code side} saw the session closed: it will not call the DLL again. */
    void checkOut(SessionClaims.Side side) {
        if (claims.checkOut(side)) {
            end.run();
        }
    }

    /** Gives {@code side} to the calling thread; waits for a locked call of the side in flight. */
    void claim(SessionClaims.Side side, String function) {
        if (side.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("this side of the session cannot be claimed from inside a call of the"
                    + " session's own methods (such as a handler of receiveEach)");
        }
        side.lock.lock();
        try {
            if (guard.isClosed() || !claims.claim(side)) {
                throw closed(function);
            }
        } finally {
            side.lock.unlock();
        }
    }

    /** On the claimant's thread, once: the side is the session's again. */
    void giveBack(SessionClaims.Side side) {
        if (claims.unclaim(side)) {
            end.run();
        }
    }

    /** The session's closed flag is set and its waiters left: ends it now unless a claimant will. */
    void closed() {
        if (claims.close()) {
            end.run();
        }
    }
}
