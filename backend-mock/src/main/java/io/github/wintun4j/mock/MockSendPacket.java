package io.github.wintun4j.mock;

import io.github.wintun4j.Packet;

import java.nio.ByteBuffer;

/**
 * A packet allocated for sending in a {@link MockSession}: the ring packet itself, wrapped only so
 * that {@link #close()} of an unsent packet lets the network side run at once. Closing zeroes the
 * record (a non-IP frame the driver drops) and may unblock packets sent after it, which the
 * responders should see right away, as after a send.
 *
 * <p>Threading as {@link Packet}: may be handed between threads, not used by two at once.
 */
final class MockSendPacket implements Packet {

    private final Packet ringPacket;
    private final MockSession session;

    MockSendPacket(Packet ringPacket, MockSession session) {
        this.ringPacket = ringPacket;
        this.session = session;
    }

    /** @return the packet of the ring, which the ring's writer recognises */
    Packet ringPacket() {
        return ringPacket;
    }

    @Override
    public int size() {
        return ringPacket.size();
    }

    @Override
    public ByteBuffer buffer() {
        return ringPacket.buffer();
    }

    @Override
    public boolean isReceived() {
        return false;
    }

    @Override
    public boolean isUsable() {
        return ringPacket.isUsable();
    }

    @Override
    public void close() {
        if (ringPacket.isUsable()) {
            ringPacket.close();
            session.afterSend();
        }
    }

    @Override
    public String toString() {
        return ringPacket.toString();
    }
}
