package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.spi.Arguments;
import io.github.wintun4j.spi.ClaimHandle;

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

    /** Called on the claiming thread, once the side is claimed. */
    WindowsReceiver(WindowsSession session) {
        super("receiver", () -> session.access.giveBack(session.claims.receive));
        this.session = session;
        this.side = session.claims.receive;
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
        return session.receiving.receiveEach(handler, max, true);
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        WindowsPacket own = WindowsPacket.owned(session, Arguments.requirePacket(packet), true);
        requireOpen();
        session.access.requireClaimant(side, ReceiveSide.RELEASE);
        session.receiving.release(own);
    }
}
