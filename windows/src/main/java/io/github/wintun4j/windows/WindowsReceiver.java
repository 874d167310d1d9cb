// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.internal.ClaimHandle;

import java.util.concurrent.TimeUnit;

/**
 * The claimed receive side of a {@link WindowsSession}: the one way to the {@link ReceiveSide} without
 * the lock. Each call checks that this receiver is open, that its thread holds the claim and that the
 * session is not closed ({@link SessionAccess#requireClaimant}), then calls the side; it never goes
 * through the session's own methods, which refuse every call while the side is claimed.
 *
 * <p>Threading: see {@link Receiver}.
 */
final class WindowsReceiver extends ClaimHandle implements Receiver {

    private final WindowsSession session;
    private final SessionClaims.Side side;
    /** On the claimant's thread only: whether an in-place receive is running, and whether a handler closed this. */
    private boolean inCall;
    private boolean giveBackDeferred;

    /** Called on the claiming thread, once the side is claimed. */
    WindowsReceiver(WindowsSession session) {
        super("receiver");
        this.session = session;
        this.side = session.claims.receive;
    }

    /**
     * A handler that closes this receiver ends the in-place receive after its packet, and the side is given
     * back when that call returns (as {@code Receiver} promises): until then the claim keeps the session from
     * ending under the packet in the handler's hands.
     */
    @Override
    protected void giveBack() {
        if (inCall) {
            giveBackDeferred = true;
        } else {
            session.access.giveBack(side);
        }
    }

    /** @return whether a handler of the running in-place receive closed this receiver */
    boolean closedInACall() {
        return giveBackDeferred;
    }

    @Override
    public Packet receivePacket() {
        requireOpen();
        session.access.requireClaimant(side, ReceiveSide.RECEIVE);
        return session.receiving.next();
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        requireOpen();
        return session.readWait.awaitPacket(nanos, true);
    }

    @Override
    public int receiveEach(PacketHandler handler, int max) {
        Arguments.requireHandler(handler, max);
        requireOpen();
        session.access.requireClaimant(side, ReceiveSide.RECEIVE);
        if (inCall) { // a handler receives in place too: the outer call gives the claim back
            return session.receiving.receiveEach(handler, max, this);
        }
        inCall = true;
        try {
            return session.receiving.receiveEach(handler, max, this);
        } finally {
            inCall = false;
            if (giveBackDeferred) {
                session.access.giveBack(side);
            }
        }
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        WindowsPacket own = WindowsPacket.owned(session, Arguments.requirePacket(packet), true);
        requireOpen();
        session.access.requireClaimant(side, ReceiveSide.RELEASE);
        session.receiving.release(own);
    }
}
