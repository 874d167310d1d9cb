// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Sender;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.internal.ClaimHandle;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The claimed send side of a {@link WindowsSession}: the one way to the {@link SendSide} without the
 * lock. Each call checks that this sender is open, that its thread holds the claim and that the session
 * is not closed ({@link SessionAccess#requireClaimant}), then calls the side; it never goes through the
 * session's own methods, which refuse every call while the side is claimed.
 *
 * <p>Threading: see {@link Sender}.
 */
final class WindowsSender extends ClaimHandle implements Sender {

    private final WindowsSession session;
    private final SessionClaims.Side side;

    /** Called on the claiming thread, once the side is claimed. */
    WindowsSender(WindowsSession session) {
        super("sender", () -> session.access.giveBack(session.claims.send));
        this.session = session;
        this.side = session.claims.send;
    }

    @Override
    public Packet allocateSendPacket(int size) {
        Arguments.requirePacketSize(size);
        requireOpen();
        session.access.requireClaimant(side, SendSide.ALLOCATE);
        return session.sending.allocate(size);
    }

    @Override
    public void sendPacket(Packet packet) {
        WindowsPacket own = WindowsPacket.owned(session, Arguments.requirePacket(packet), false);
        requireOpen();
        session.access.requireClaimant(side, SendSide.SEND);
        session.sending.send(own);
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        Arguments.requirePacketSize(Objects.requireNonNull(packet, "packet").remaining());
        requireOpen();
        session.access.requireClaimant(side, SendSide.ALLOCATE);
        return session.sending.sendCopy(packet);
    }
}
