// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Sender;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.internal.ClaimHandle;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The claimed send side of a {@link RingSession}: the one way to the writer's lock-free path. It
 * calls the {@link RingWriter} directly, never the session's own methods (which refuse every call
 * while the side is claimed); the writer checks that the caller is the claimant (a field compare)
 * and takes no lock for it, and takes the lock and refuses anybody else.
 *
 * <p>Threading: see {@link Sender}.
 */
final class RingSender extends ClaimHandle implements Sender {

    private final RingWriter writer;

    /** Called on the claiming thread, once the writer's end is claimed. */
    RingSender(RingWriter writer) {
        super("sender", writer::unclaim);
        this.writer = writer;
    }

    @Override
    public Packet allocateSendPacket(int size) {
        requireOpen();
        return writer.allocate(size);
    }

    @Override
    public void sendPacket(Packet packet) {
        requireOpen();
        writer.send(Arguments.requirePacket(packet));
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        requireOpen();
        return writer.sendCopy(Objects.requireNonNull(packet, "packet"));
    }
}
