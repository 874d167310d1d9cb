package io.github.wintun4j.internal;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;

import java.nio.ByteBuffer;

/**
 * A {@link Sender} for any backend: the session's own send methods, called by the thread that
 * claimed the send side. The session enforces the claim (its methods see who claimed and skip
 * their lock for that thread, or refuse other threads); this object adds only whether it was
 * closed, checked first so that a closed sender never falls back to the session's shared path.
 *
 * <p>Threading: see {@link Sender}.
 */
public final class ClaimedSender extends ClaimHandle implements Sender {

    private final Session session;

    /**
     * Called on the claiming thread, once the side is claimed.
     *
     * @param session  the session, whose methods of this side the claimant may call
     * @param giveBack ends the claim; run once, by {@link #close()} on the claimant's thread
     */
    public ClaimedSender(Session session, Runnable giveBack) {
        super("sender", giveBack);
        this.session = session;
    }

    @Override
    public Packet allocateSendPacket(int size) {
        requireOpen();
        return session.allocateSendPacket(size);
    }

    @Override
    public void sendPacket(Packet packet) {
        requireOpen();
        session.sendPacket(packet);
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        requireOpen();
        return session.sendCopy(packet);
    }
}
