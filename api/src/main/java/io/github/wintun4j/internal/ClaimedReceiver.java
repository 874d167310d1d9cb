package io.github.wintun4j.internal;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Session;

import java.util.concurrent.TimeUnit;

/**
 * A {@link Receiver} for any backend: the session's own receive methods, called by the thread
 * that claimed the receive side. The session enforces the claim (its methods see who claimed
 * and skip their lock for that thread, or refuse other threads); this object adds only whether it
 * was closed, checked first so that a closed receiver never falls back to the session's shared
 * path.
 *
 * <p>Threading: see {@link Receiver}.
 */
public final class ClaimedReceiver extends ClaimHandle implements Receiver {

    private final Session session;

    /**
     * Called on the claiming thread, once the side is claimed.
     *
     * @param session  the session, whose methods of this side the claimant may call
     * @param giveBack ends the claim; run once, by {@link #close()} on the claimant's thread
     */
    public ClaimedReceiver(Session session, Runnable giveBack) {
        super("receiver", giveBack);
        this.session = session;
    }

    @Override
    public Packet receivePacket() {
        requireOpen();
        return session.receivePacket();
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        requireOpen();
        return session.receivePacket(timeout, unit);
    }

    @Override
    public int receivePackets(Packet[] packets) {
        requireOpen();
        return session.receivePackets(packets);
    }

    @Override
    public int receivePackets(PacketHandler handler, int max) {
        requireOpen();
        return session.receivePackets(handler, max);
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        requireOpen();
        session.releaseReceivePacket(packet);
    }
}
