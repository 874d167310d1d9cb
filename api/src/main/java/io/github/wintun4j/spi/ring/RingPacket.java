package io.github.wintun4j.spi.ring;

import io.github.wintun4j.Packet;

import java.nio.ByteBuffer;

/**
 * A {@link Packet} that lives in a {@link Ring}: a record at {@code position} handed out by a
 * {@link RingReader} (received) or a {@link RingWriter} (allocated). State changes happen under
 * the lock of the owning end; the state itself is volatile so that {@link #isUsable()} may be
 * asked from any thread.
 */
public final class RingPacket implements Packet {

    static final int USABLE = 0;
    static final int DONE = 1;
    static final int ABANDONED = 2;

    final RingEnd owner;
    final int position;
    final int end;
    private final int size;
    private final boolean received;
    volatile int state = USABLE;
    private ByteBuffer view;

    RingPacket(RingEnd owner, int position, int size, boolean received) {
        this(owner, position, owner.ring.wrap(position + Ring.recordSize(size)), size, received);
    }

    private RingPacket(RingEnd owner, int position, int end, int size, boolean received) {
        this.owner = owner;
        this.position = position;
        this.end = end;
        this.size = size;
        this.received = received;
    }

    /**
     * A placeholder in a writer's pending queue for records written in a batch behind packets
     * still unsent: already done, it moves Tail to {@code end} once everything before it is sent.
     */
    static RingPacket publishedMarker(RingEnd owner, int end) {
        RingPacket marker = new RingPacket(owner, end, end, 0, false);
        marker.state = DONE;
        return marker;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ByteBuffer buffer() {
        if (state != USABLE) {
            throw new IllegalStateException("packet is no longer usable: it was already "
                    + (received ? "released" : "sent or closed"));
        }
        if (owner.isClosed()) {
            throw new IllegalStateException("packet is no longer usable: its session was closed");
        }
        ByteBuffer current = view;
        if (current == null) {
            current = owner.viewOf(this, received);
            view = current;
        }
        return current;
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
