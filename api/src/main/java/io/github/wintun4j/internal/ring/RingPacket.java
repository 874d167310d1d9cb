// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;

import java.nio.ByteBuffer;

/**
 * A {@link Packet} that lives in a {@link Ring}: a record at {@code position} handed out by a
 * {@link RingReader} (received) or a {@link RingWriter} (allocated). A small handle: what the ring
 * needs to know about outstanding records is kept by the end itself
 * ({@link RingCursor}), so a handle that does not outlive the calling code is removed by
 * the JIT's escape analysis and the hot path allocates nothing.
 *
 * <p>Threading as {@link Packet}: one user at a time, handed over with a happens-before. Its
 * state changes when the user releases, sends or closes it, through the owning end.
 */
public final class RingPacket implements Packet {

    static final int USABLE = 0;
    static final int DONE = 1;
    static final int ABANDONED = 2;

    final RingEnd owner;
    final long sequence;
    final int position;
    private final int size;
    private final boolean received;
    int state = USABLE;
    private ByteBuffer view;

    RingPacket(RingEnd owner, long sequence, int position, int size, boolean received) {
        this.owner = owner;
        this.sequence = sequence;
        this.position = position;
        this.size = size;
        this.received = received;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ByteBuffer buffer() {
        // Kept small (the checks' messages are built elsewhere) so that the JIT inlines it into
        // the caller: then neither this handle nor its view is allocated.
        if (state != USABLE || owner.isClosed()) {
            throw unusable();
        }
        ByteBuffer current = view;
        if (current == null) {
            current = owner.viewOf(position, size, received);
            view = current;
        }
        return current;
    }

    private IllegalStateException unusable() {
        return new IllegalStateException(state != USABLE
                ? "packet is no longer usable: it was already " + (received ? "released" : "sent or closed")
                : "packet is no longer usable: its session was closed");
    }

    @Override
    public boolean isReceived() {
        return received;
    }

    @Override
    public boolean isUsable() {
        return state == USABLE && !owner.isClosed();
    }

    /**
     * @param end a ring end
     * @return whether this packet was handed out by that end
     */
    public boolean belongsTo(Object end) {
        return owner == end;
    }

    @Override
    public void close() {
        if (state == USABLE && !owner.isClosed()) {
            owner.closePacket(this);
        }
    }

    @Override
    public String toString() {
        return (received ? "received" : "allocated") + " packet of " + size + " bytes at ring offset 0x"
                + Integer.toHexString(position) + (state == USABLE ? "" : state == DONE ? " (done)" : " (closed)");
    }
}
