// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * A packet in one of the DLL's rings: its address and size, and its state, which moves once from
 * usable to done (released or sent) or abandoned (closed unsent), on the session's side of its
 * direction (under that side's lock, or by the thread that claimed the side), so that the DLL never
 * sees a packet twice. Nothing but its user keeps the object. Its bytes are reached only through the session's {@link PacketMemory},
 * never by a view that could outlive the ring.
 */
final class WindowsPacket implements Packet {

    static final int USABLE = 0;
    static final int DONE = 1;
    static final int ABANDONED = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WindowsPacket.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final WindowsSession session;
    final long address;
    private final int size;
    private final boolean received;
    /** Where a copying {@link PacketMemory} keeps the bytes; {@code null} for views of the ring. */
    ByteBuffer copy;
    private volatile int state;
    private ByteBuffer view;

    WindowsPacket(WindowsSession session, long address, int size, boolean received) {
        this.session = session;
        this.address = address;
        this.size = size;
        this.received = received;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ByteBuffer buffer() {
        int current = state;
        if (current != USABLE) {
            throw new IllegalStateException("packet is no longer usable: it was already "
                    + (received ? "released" : current == DONE ? "sent" : "closed"));
        }
        if (!session.isLive()) {
            throw new IllegalStateException("packet is no longer usable: its session was closed");
        }
        ByteBuffer result = view;
        if (result == null) {
            result = session.memory().view(this);
            view = result;
        }
        return result;
    }

    @Override
    public boolean isReceived() {
        return received;
    }

    @Override
    public boolean isUsable() {
        return state == USABLE && session.isLive();
    }

    /**
     * Called on the session's side of the packet's direction (under its lock or by its claimant, never by
     * two threads at once), which makes the test and the move one
     * step; a release store, not a compare-and-set, so that nothing stops C2 from scalar-replacing a
     * packet that does not escape (and a store costs no atomic instruction).
     *
     * @return whether this call moved the packet from usable to done
     */
    boolean finish() {
        return moveFromUsable(DONE);
    }

    /** As {@link #finish()}, under the same lock. @return whether this call moved the packet from usable to abandoned */
    boolean abandon() {
        return moveFromUsable(ABANDONED);
    }

    private boolean moveFromUsable(int next) {
        if (state != USABLE) {
            return false;
        }
        STATE.setRelease(this, next);
        return true;
    }

    /**
     * @param receiving whether the caller releases ({@code true}) or sends it
     * @return {@code packet} as a packet of {@code session} of that direction
     * @throws IllegalArgumentException when it is of another session or direction
     */
    static WindowsPacket owned(WindowsSession session, Packet packet, boolean receiving) {
        if (packet instanceof WindowsPacket && ((WindowsPacket) packet).session == session
                && packet.isReceived() == receiving) {
            return (WindowsPacket) packet;
        }
        if (receiving) {
            throw new IllegalArgumentException(packet.isReceived()
                    ? "packet was received from another session" : "packet was allocated for sending, not received");
        }
        throw new IllegalArgumentException(packet.isReceived()
                ? "packet was received, not allocated for sending" : "packet was allocated by another session");
    }

    int state() {
        return state;
    }

    @Override
    public void close() {
        if (state == USABLE) {
            session.closePacket(this);
        }
    }

    @Override
    public String toString() {
        return (received ? "received" : "allocated") + " packet of " + size + " bytes"
                + (state == USABLE ? "" : state == DONE ? " (done)" : " (closed)");
    }
}
