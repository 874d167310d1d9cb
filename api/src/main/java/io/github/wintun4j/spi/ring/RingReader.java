package io.github.wintun4j.spi.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.BatchReceive;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The consumer end of a {@link Ring}: the application's side of the receive ring, or the
 * driver's side of the send ring.
 *
 * <p>{@link #receive()} hands out records in ring order and checks, in this order: end of the
 * session or ring ({@code ERROR_HANDLE_EOF}, which wins over unread packets), empty ring
 * ({@code null}), impossible record ({@code ERROR_INVALID_DATA}; the read position stays, so the
 * error repeats). Packets may be released in any order; Head moves, and space returns to the
 * writer, only over the released prefix.
 *
 * <p>Thread-safe: one lock for receive and release.
 */
public final class RingReader extends RingEnd {

    /** Takes the bytes of records in {@link #drain(RecordSink, int)}. */
    @FunctionalInterface
    public interface RecordSink {
        /**
         * @param packet the record's bytes, position 0 to limit; valid only during the call
         */
        void accept(ByteBuffer packet);
    }

    private final ArrayDeque<RingPacket> outstanding = new ArrayDeque<>();
    private final ByteBuffer drainView;
    /** Next record to hand out; volatile so that {@link #isReadable()} can be asked without the lock. */
    private volatile int readPosition;

    /**
     * @param ring      the ring
     * @param operation the name used in errors, such as {@code "WintunReceivePacket"}
     */
    public RingReader(Ring ring, String operation) {
        super(ring, operation);
        this.drainView = ring.memory().duplicate();
    }

    /**
     * @return the next packet, or {@code null} when the ring is empty
     * @throws WintunException {@code ERROR_HANDLE_EOF} or {@code ERROR_INVALID_DATA}
     */
    public RingPacket receive() {
        lock.lock();
        try {
            return receiveLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Receives up to {@code packets.length} packets under one lock.
     *
     * @param packets filled from index 0
     * @return the count; an error after the first packet is left for the next call
     * @throws WintunException when the first receive fails
     */
    public int receive(Packet[] packets) {
        Objects.requireNonNull(packets, "packets");
        lock.lock();
        try {
            return BatchReceive.fill(packets, this::receiveLocked);
        } finally {
            lock.unlock();
        }
    }

    private RingPacket receiveLocked() {
        requireNotEnded();
        int position = readPosition;
        int available = ring.usedSpace(position);
        if (available == 0) {
            return null;
        }
        int size = checkedSizeAt(position, available);
        RingPacket packet = new RingPacket(this, position, size, true);
        readPosition = packet.end;
        outstanding.addLast(packet);
        return packet;
    }

    private int checkedSizeAt(int position, int available) {
        if (available < Ring.SIZE_PREFIX) {
            throw corrupt(position, "only " + available + " bytes left for a record");
        }
        int size = ring.sizeAt(position);
        if (size < 0 || size > Ring.maxPacketSize()) {
            throw corrupt(position, "record size 0x" + Integer.toHexString(size) + " exceeds 0xffff");
        }
        if (Ring.recordSize(size) > available) {
            throw corrupt(position, "record of " + size + " bytes is larger than the " + available
                    + " bytes published");
        }
        return size;
    }

    private WintunException corrupt(int position, String why) {
        return new WintunException(operation(), WintunErrors.ERROR_INVALID_DATA,
                "the ring is corrupt at offset 0x" + Integer.toHexString(position) + ": " + why);
    }

    /**
     * Releases a packet received from this reader.
     *
     * @param packet the packet
     * @throws IllegalArgumentException when it is not from this reader
     * @throws IllegalStateException    when already released
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when this end was closed
     */
    public void release(Packet packet) {
        Objects.requireNonNull(packet, "packet");
        if (!(packet instanceof RingPacket) || !((RingPacket) packet).belongsTo(this)) {
            throw new IllegalArgumentException(packet.isReceived()
                    ? "packet was received from another session" : "packet was allocated for sending, not received");
        }
        RingPacket ringPacket = (RingPacket) packet;
        lock.lock();
        try {
            if (isClosed()) {
                throw new WintunException("WintunReleaseReceivePacket", WintunErrors.ERROR_HANDLE_EOF,
                        "the session was closed");
            }
            if (ringPacket.state != RingPacket.USABLE) {
                throw new IllegalStateException("packet was already released");
            }
            ringPacket.state = RingPacket.DONE;
            reclaimReleasedPrefix();
        } finally {
            lock.unlock();
        }
    }

    @Override
    void closePacket(RingPacket packet) {
        lock.lock();
        try {
            if (packet.state == RingPacket.USABLE && !isClosed()) {
                packet.state = RingPacket.DONE;
                reclaimReleasedPrefix();
            }
        } finally {
            lock.unlock();
        }
    }

    private void reclaimReleasedPrefix() {
        RingPacket first;
        int head = -1;
        while ((first = outstanding.peekFirst()) != null && first.state != RingPacket.USABLE) {
            outstanding.pollFirst();
            head = first.end;
        }
        if (head >= 0) {
            ring.publishHead(head);
        }
    }

    /** @return whether a receive would not report an empty ring: a record is waiting, or this end ended */
    public boolean isReadable() {
        return isEnded() || ring.tail() != readPosition;
    }

    /**
     * The driver's way to consume: hands each record's bytes to {@code sink} and releases it at
     * once, without creating packets. Used only when no packet of this reader is outstanding.
     * An impossible record makes the driver give up on the ring, as the real driver does: the
     * ring is terminated and the records before it stay consumed.
     *
     * @param sink receives each record
     * @param max  the most records to take
     * @return how many records were taken; 0 when empty or ended
     */
    public int drain(RecordSink sink, int max) {
        Objects.requireNonNull(sink, "sink");
        lock.lock();
        try {
            if (isEnded()) {
                return 0;
            }
            if (!outstanding.isEmpty()) {
                throw new IllegalStateException("drain needs every received packet released first");
            }
            int position = readPosition;
            int count = 0;
            try {
                while (count < max) {
                    int available = ring.usedSpace(position);
                    if (available == 0) {
                        break;
                    }
                    int size;
                    try {
                        size = checkedSizeAt(position, available);
                    } catch (WintunException e) {
                        ring.terminate();
                        break;
                    }
                    int start = ring.dataIndex(position);
                    drainView.limit(start + size).position(start);
                    sink.accept(drainView.slice());
                    position = ring.wrap(position + Ring.recordSize(size));
                    count++;
                }
            } finally {
                if (position != readPosition) {
                    readPosition = position;
                    ring.publishHead(position);
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }
}
