// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.internal.Arguments;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The application's end of the send ring: allocate, fill and send packets, or copy one in with a
 * single call. (The driver's end of a ring it writes is {@link DriverWriter}.)
 *
 * <p>{@link #allocate(int)} reserves the next record in ring order, or answers {@code null} when
 * the aligned size exceeds the free space. {@link #send(Packet)} publishes: Tail moves over the
 * longest prefix of allocated records that are all sent (or closed), so the ring order is the
 * allocation order whatever the order of the sends. A record closed without being sent is zeroed
 * so that the consumer discards it as a non-IP packet, and it never stalls the records after it.
 *
 * <p>Thread-safe: one lock for allocate and send, or no lock at all for the one thread that
 * {@linkplain #claim() claimed} this end (see {@link RingEnd}). After {@link #close()}, allocating
 * and sending fail with {@code ERROR_HANDLE_EOF}.
 */
public final class RingWriter extends WritingEnd {

    private final Runnable afterPublish;

    /**
     * @param ring      the ring
     * @param operation the name used in errors, such as {@code "WintunAllocateSendPacket"}
     */
    public RingWriter(Ring ring, String operation) {
        this(ring, operation, null);
    }

    /**
     * @param ring         the ring
     * @param operation    the name used in errors, such as {@code "WintunAllocateSendPacket"}
     * @param afterPublish run after each {@link #send} and each close of an unsent packet, on the
     *                     calling thread and outside the lock (a driver without threads of its own
     *                     consumes the ring there); {@code null} for none
     */
    public RingWriter(Ring ring, String operation, Runnable afterPublish) {
        super(ring, operation);
        this.afterPublish = afterPublish;
    }

    /**
     * @param size the packet size, 1..0xFFFF
     * @return the packet, or {@code null} when the ring is full
     * @throws IllegalArgumentException when the size is out of range
     * @throws IllegalStateException    when another thread claimed this end
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when this end or the ring ended
     */
    public RingPacket allocate(int size) {
        Arguments.requirePacketSize(size);
        if (claimedByCaller()) {
            return allocateOne(size);
        }
        lockUnclaimed();
        try {
            return allocateOne(size);
        } finally {
            lock.unlock();
        }
    }

    private RingPacket allocateOne(int size) {
        requireNotEnded();
        int position = pending.position;
        int recordSize = Ring.recordSize(size);
        if (!fits(position, recordSize)) {
            return null;
        }
        ring.putSizeAt(position, size);
        pending.newest = position;
        int end = ring.wrap(position + recordSize);
        long sequence = pending.add(end);
        pending.position = end;
        return new RingPacket(this, sequence, position, size, false);
    }

    /**
     * Sends a packet allocated by this writer.
     *
     * @param packet the packet
     * @throws IllegalArgumentException when it is not from this writer
     * @throws IllegalStateException    when already sent or closed, or another thread claimed this end
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when this end or the ring ended
     */
    public void send(Packet packet) {
        Objects.requireNonNull(packet, "packet");
        if (!(packet instanceof RingPacket) || !((RingPacket) packet).belongsTo(this)) {
            throw new IllegalArgumentException(packet.isReceived()
                    ? "packet was received, not allocated for sending" : "packet was allocated by another session");
        }
        RingPacket ringPacket = (RingPacket) packet;
        if (claimedByCaller()) {
            sendOne(ringPacket);
        } else {
            lockUnclaimed();
            try {
                sendOne(ringPacket);
            } finally {
                lock.unlock();
            }
        }
        if (afterPublish != null) {
            afterPublish.run();
        }
    }

    private void sendOne(RingPacket packet) {
        if (isClosed()) {
            throw new WintunException("WintunSendPacket", WintunErrors.ERROR_HANDLE_EOF, "the session was closed");
        }
        if (packet.state != RingPacket.USABLE || !pending.isOutstanding(packet.sequence)) {
            throw new IllegalStateException("packet was already " + (packet.state == RingPacket.ABANDONED
                    ? "closed" : "sent"));
        }
        packet.state = RingPacket.DONE;
        finish(packet);
        if (ring.isTerminated()) {
            throw new WintunException("WintunSendPacket", WintunErrors.ERROR_HANDLE_EOF,
                    "the adapter is terminating; the packet was dropped");
        }
    }

    private void finish(RingPacket packet) {
        int tail = pending.finish(packet.sequence);
        if (tail >= 0) {
            ring.publishTail(tail);
        }
    }

    @Override
    void closePacket(RingPacket packet) {
        if (claimedByCaller()) {
            closeOne(packet);
        } else {
            lockUnclaimed();
            try {
                closeOne(packet);
            } finally {
                lock.unlock();
            }
        }
        if (afterPublish != null) {
            afterPublish.run();
        }
    }

    private void closeOne(RingPacket packet) {
        if (packet.state == RingPacket.USABLE && !isClosed() && pending.isOutstanding(packet.sequence)) {
            // A zero version nibble makes every consumer drop the record as non-IP.
            ByteBuffer memory = ring.memory();
            int start = ring.dataIndex(packet.position);
            for (int i = 0; i < packet.size(); i++) {
                memory.put(start + i, (byte) 0);
            }
            packet.state = RingPacket.ABANDONED;
            finish(packet);
        }
    }

    /**
     * The application's one-call send: copies the packet into the next record and publishes it
     * (behind any packet allocated earlier and not yet sent), with the errors of
     * {@link #allocate(int)}; then runs the after-publish hook, as {@link #send(Packet)} does.
     *
     * @param packet the packet's bytes, from position to limit (the position does not move)
     * @return whether it was sent; {@code false} when the ring is full
     * @throws IllegalArgumentException when the packet is empty or larger than 0xFFFF bytes
     * @throws IllegalStateException    when another thread claimed this end
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when this end or the ring ended
     */
    public boolean sendCopy(ByteBuffer packet) {
        int recordSize = Ring.recordSize(Arguments.requirePacketSize(packet.remaining()));
        boolean sent;
        if (claimedByCaller()) {
            sent = copyOne(packet, recordSize);
        } else {
            lockUnclaimed();
            try {
                sent = copyOne(packet, recordSize);
            } finally {
                lock.unlock();
            }
        }
        if (sent && afterPublish != null) {
            afterPublish.run();
        }
        return sent;
    }

    private boolean copyOne(ByteBuffer packet, int recordSize) {
        requireNotEnded();
        if (!fits(pending.position, recordSize)) {
            return false;
        }
        int end = copyIn(pending.position, packet);
        pending.position = end;
        publishWritten(end);
        return true;
    }
}
