// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.internal.Arguments;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The application's end of the receive ring: the packets it receives, in ring order, and their
 * release. (The driver's end of a ring it reads is {@link DriverReader}.)
 *
 * <p>{@link #receive()} hands out records in ring order and checks, in this order: end of the
 * session or ring ({@code ERROR_HANDLE_EOF}, which wins over unread packets), empty ring
 * ({@code null}), impossible record ({@code ERROR_INVALID_DATA}; the read position stays, so the
 * error repeats). Packets may be released in any order; Head moves, and space returns to the
 * writer, only over the released prefix.
 *
 * <p>Thread-safe: one lock for receive and release, or no lock at all for the one thread that
 * {@linkplain #claim() claimed} this end (see {@link RingEnd}). After {@link #close()}, receiving
 * and releasing fail with {@code ERROR_HANDLE_EOF}.
 */
public final class RingReader extends ReadingEnd {

    /** The view handed to {@link PacketHandler}s, reused for every packet (read-only). */
    private final ByteBuffer handlerView;

    /**
     * @param ring      the ring
     * @param operation the name used in errors, such as {@code "WintunReceivePacket"}
     */
    public RingReader(Ring ring, String operation) {
        super(ring, operation);
        this.handlerView = ring.memory().asReadOnlyBuffer();
    }

    /**
     * @return the next packet, or {@code null} when the ring is empty
     * @throws WintunException       {@code ERROR_HANDLE_EOF} or {@code ERROR_INVALID_DATA}
     * @throws IllegalStateException when another thread claimed this end
     */
    public RingPacket receive() {
        if (claimedByCaller()) {
            return receiveOne();
        }
        lockUnclaimed();
        try {
            return receiveOne();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The application's in-place receive: hands each record to {@code handler} and releases it
     * when the handler returns or throws, with the rules of {@link #receive()} (the end of the
     * session wins, then empty, then corrupt) and of a batch (an error after the first record is
     * left for the next call). Each record is registered as outstanding while its handler runs,
     * so that a handler that receives too, through this reader, sees the ring as it is.
     *
     * @param handler takes each record
     * @param max     the most records to take, {@code >= 0}
     * @return how many records were handed over
     * @throws WintunException       when the first record cannot be taken
     * @throws IllegalStateException when another thread claimed this end
     */
    public int receive(PacketHandler handler, int max) {
        Arguments.requireHandler(handler, max);
        if (claimedByCaller()) {
            return handleRecords(handler, max);
        }
        lockUnclaimed();
        try {
            return handleRecords(handler, max);
        } finally {
            lock.unlock();
        }
    }

    // Split in three small methods so that the JIT inlines the whole call into its caller (one
    // method of 355 bytes of bytecode was "too big" to inline, which cost a call per packet).
    private int handleRecords(PacketHandler handler, int max) {
        boolean outermost = enterUserCode();
        // A handler that receives in place too gets a view of its own: this one is in its hands.
        ByteBuffer view = outermost ? handlerView : ring.memory().asReadOnlyBuffer();
        try {
            int count = 0;
            int size;
            while (count < max && (size = nextRecordSize(count)) >= 0) {
                handOver(handler, view, size);
                count++;
            }
            return count;
        } finally {
            leaveUserCode(outermost);
        }
    }

    /**
     * @param count the records handed over so far in this call
     * @return the size of the record at the read position; -1 when the ring is empty, or when
     *         this end ended or the record is corrupt after the first record (the next call
     *         reports it), or the claim was given back from a handler
     * @throws WintunException for the first record: the end of the session, then corruption
     */
    private int nextRecordSize(int count) {
        if (count > 0 && (isEnded() || isUnclaimDeferred())) {
            return -1;
        }
        requireNotEnded();
        int position = outstanding.position;
        int available = availableFrom(position);
        if (available == 0) {
            return -1;
        }
        if (count == 0) {
            return checkedSizeAt(position, available);
        }
        try {
            return checkedSizeAt(position, available);
        } catch (WintunException e) {
            return -1;
        }
    }

    /** Hands the record at the read position to {@code handler}, outstanding until it returns. */
    private void handOver(PacketHandler handler, ByteBuffer view, int size) {
        int position = outstanding.position;
        int end = ring.wrap(position + Ring.recordSize(size));
        long sequence = outstanding.add(end);
        READ_POSITION.setOpaque(outstanding, end);
        int start = ring.dataIndex(position);
        view.clear();
        view.limit(start + size).position(start);
        view.order(ByteOrder.BIG_ENDIAN);
        try {
            handler.handle(view);
        } finally {
            if (!isClosed()) {
                int head = outstanding.finish(sequence);
                if (head >= 0) {
                    ring.publishHead(head);
                }
            }
        }
    }

    private RingPacket receiveOne() {
        requireNotEnded();
        int position = outstanding.position;
        int available = availableFrom(position);
        if (available == 0) {
            return null;
        }
        int size = checkedSizeAt(position, available);
        int end = ring.wrap(position + Ring.recordSize(size));
        long sequence = outstanding.add(end);
        READ_POSITION.setOpaque(outstanding, end);
        return new RingPacket(this, sequence, position, size, true);
    }

    /**
     * Releases a packet received from this reader.
     *
     * @param packet the packet
     * @throws IllegalArgumentException when it is not from this reader
     * @throws IllegalStateException    when already released, or another thread claimed this end
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when this end was closed
     */
    public void release(Packet packet) {
        Objects.requireNonNull(packet, "packet");
        if (!(packet instanceof RingPacket) || !((RingPacket) packet).belongsTo(this)) {
            throw new IllegalArgumentException(packet.isReceived()
                    ? "packet was received from another session" : "packet was allocated for sending, not received");
        }
        RingPacket ringPacket = (RingPacket) packet;
        if (claimedByCaller()) {
            releaseOne(ringPacket);
            return;
        }
        lockUnclaimed();
        try {
            releaseOne(ringPacket);
        } finally {
            lock.unlock();
        }
    }

    private void releaseOne(RingPacket packet) {
        if (isClosed()) {
            throw new WintunException("WintunReleaseReceivePacket", WintunErrors.ERROR_HANDLE_EOF,
                    "the session was closed");
        }
        if (packet.state != RingPacket.USABLE || !outstanding.isOutstanding(packet.sequence)) {
            throw new IllegalStateException("packet was already released");
        }
        packet.state = RingPacket.DONE;
        finish(packet);
    }

    private void finish(RingPacket packet) {
        int head = outstanding.finish(packet.sequence);
        if (head >= 0) {
            ring.publishHead(head);
        }
    }

    @Override
    void closePacket(RingPacket packet) {
        if (claimedByCaller()) {
            closeOne(packet);
            return;
        }
        lockUnclaimed();
        try {
            closeOne(packet);
        } finally {
            lock.unlock();
        }
    }

    private void closeOne(RingPacket packet) {
        if (packet.state == RingPacket.USABLE && !isClosed() && outstanding.isOutstanding(packet.sequence)) {
            packet.state = RingPacket.DONE;
            finish(packet);
        }
    }
}
