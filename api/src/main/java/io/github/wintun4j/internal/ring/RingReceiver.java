// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.internal.ClaimHandle;

import java.util.concurrent.TimeUnit;

/**
 * The claimed receive side of a {@link RingSession}: the one way to the reader's lock-free path.
 * It calls the {@link RingReader} directly, never the session's own methods (which refuse every
 * call while the side is claimed); the reader checks that the caller is the claimant (a field
 * compare) and takes no lock for it, and takes the lock and refuses anybody else.
 *
 * <p>Threading: see {@link Receiver}.
 */
final class RingReceiver extends ClaimHandle implements Receiver {

    private final RingSession session;
    private final RingReader reader;

    /** Called on the claiming thread, once the reader's end is claimed. */
    RingReceiver(RingSession session, RingReader reader) {
        super("receiver", reader::unclaim);
        this.session = session;
        this.reader = reader;
    }

    @Override
    public Packet receivePacket() {
        requireOpen();
        return session.receiveOrFill();
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        requireOpen();
        return session.awaitPacket(nanos);
    }

    @Override
    public int receiveEach(PacketHandler handler, int max) {
        requireOpen();
        return session.receiveOrFill(handler, max);
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        requireOpen();
        reader.release(Arguments.requirePacket(packet));
    }
}
