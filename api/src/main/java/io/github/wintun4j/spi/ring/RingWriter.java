package io.github.wintun4j.spi.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.Arguments;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * The producer end of a {@link Ring}: the application's side of the send ring, or the driver's
 * side of the receive ring.
 *
 * <p>{@link #allocate(int)} reserves the next record in ring order, or answers {@code null} when
 * the aligned size exceeds the free space. {@link #send(Packet)} publishes: Tail moves over the
 * longest prefix of allocated records that are all sent (or closed), so the ring order is the
 * allocation order whatever the order of the sends. A record closed without being sent is zeroed
 * so that the consumer discards it as a non-IP packet, and it never stalls the records after it.
 *
 * <p>Thread-safe: one lock for allocate and send.
 */
public final class RingWriter extends RingEnd {

    private final ArrayDeque<RingPacket> pending = new ArrayDeque<>();
    private int writePosition;
    /** Where the newest record starts, or -1 before the first; for {@link #writeCorruptRecord()}. */
    private int newestRecord = -1;

    /**
     * @param ring      the ring
     * @param operation the name used in errors, such as {@code "WintunAllocateSendPacket"}
     */
    public RingWriter(Ring ring, String operation) {
        super(ring, operation);
    }

    /**
     * @param size the packet size, 1..0xFFFF
     * @return the packet, or {@code null} when the ring is full
     * @throws IllegalArgumentException when the size is out of range
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when this end or the ring ended
     */
    public RingPacket allocate(int size) {
        Arguments.requirePacketSize(size);
        lock.lock();
        try {
            requireNotEnded();
            int position = writePosition;
            if (Ring.recordSize(size) > ring.freeSpace(position)) {
                return null;
            }
            ring.putSizeAt(position, size);
            newestRecord = position;
            RingPacket packet = new RingPacket(this, position, size, false);
            writePosition = packet.end;
            pending.addLast(packet);
            return packet;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a packet allocated by this writer.
     *
     * @param packet the packet
     * @throws IllegalArgumentException when it is not from this writer
     * @throws IllegalStateException    when already sent or closed
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when this end or the ring ended
     */
    public void send(Packet packet) {
        Objects.requireNonNull(packet, "packet");
        if (!(packet instanceof RingPacket) || !((RingPacket) packet).belongsTo(this)) {
            throw new IllegalArgumentException(packet.isReceived()
                    ? "packet was received, not allocated for sending" : "packet was allocated by another session");
        }
        RingPacket ringPacket = (RingPacket) packet;
        lock.lock();
        try {
            if (isClosed()) {
                throw new WintunException("WintunSendPacket", WintunErrors.ERROR_HANDLE_EOF, "the session was closed");
            }
            if (ringPacket.state != RingPacket.USABLE) {
                throw new IllegalStateException("packet was already " + (ringPacket.state == RingPacket.DONE
                        ? "sent" : "closed"));
            }
            ringPacket.state = RingPacket.DONE;
            publishSentPrefix();
            if (ring.isTerminated()) {
                throw new WintunException("WintunSendPacket", WintunErrors.ERROR_HANDLE_EOF,
                        "the adapter is terminating; the packet was dropped");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    void closePacket(RingPacket packet) {
        lock.lock();
        try {
            if (packet.state == RingPacket.USABLE && !isClosed()) {
                // A zero version nibble makes every consumer drop the record as non-IP.
                ByteBuffer memory = ring.memory();
                int start = ring.dataIndex(packet.position);
                for (int i = 0; i < packet.size(); i++) {
                    memory.put(start + i, (byte) 0);
                }
                packet.state = RingPacket.ABANDONED;
                publishSentPrefix();
            }
        } finally {
            lock.unlock();
        }
    }

    private void publishSentPrefix() {
        RingPacket first;
        int tail = -1;
        while ((first = pending.peekFirst()) != null && first.state != RingPacket.USABLE) {
            pending.pollFirst();
            tail = first.end;
        }
        if (tail >= 0) {
            ring.publishTail(tail);
            ring.signal().signal();
        }
    }

    /**
     * The driver's way to produce: writes a whole batch, or nothing when it does not fit (the
     * driver drops such a batch whole). Keeps allocation order with packets allocated before.
     *
     * @param packets the packets' bytes, each from position to limit (positions are not moved)
     * @return whether the batch was written; {@code false} when it did not fit or the ring ended
     * @throws IllegalArgumentException when a packet is empty or larger than 0xFFFF bytes
     */
    public boolean writeBatch(List<ByteBuffer> packets) {
        Objects.requireNonNull(packets, "packets");
        long total = 0;
        for (ByteBuffer packet : packets) {
            total += Ring.recordSize(Arguments.requirePacketSize(packet.remaining()));
        }
        lock.lock();
        try {
            if (isEnded() || total > ring.freeSpace(writePosition)) {
                return false;
            }
            ByteBuffer memory = ring.memory();
            int position = writePosition;
            for (ByteBuffer packet : packets) {
                int size = packet.remaining();
                ring.putSizeAt(position, size);
                newestRecord = position;
                memory.put(ring.dataIndex(position), packet, packet.position(), size);
                position = ring.wrap(position + Ring.recordSize(size));
            }
            writePosition = position;
            if (pending.isEmpty()) {
                ring.publishTail(position);
                ring.signal().signal();
            } else {
                // Packets allocated earlier are still unsent: these must wait behind them.
                pending.addLast(RingPacket.publishedMarker(this, position));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the ring corrupt, for emulators and tests that inject that fault: the reader reports
     * {@code ERROR_INVALID_DATA} once it reaches the impossible record (size 0x10000). The record
     * is a new one at the write position when the ring has room for its size prefix; in a full
     * ring the newest record's size is spoiled instead, so that a full ring never looks empty
     * (Tail never moves onto Head) and the packets before it still come out.
     */
    public void writeCorruptRecord() {
        lock.lock();
        try {
            int impossibleSize = Ring.maxPacketSize() + 1;
            if (ring.freeSpace(writePosition) < Ring.SIZE_PREFIX && newestRecord >= 0) {
                ring.putSizeAt(newestRecord, impossibleSize);
                return;
            }
            ring.putSizeAt(writePosition, impossibleSize);
            newestRecord = writePosition;
            writePosition = ring.wrap(writePosition + Ring.SIZE_PREFIX);
            if (pending.isEmpty()) {
                ring.publishTail(writePosition);
                ring.signal().signal();
            } else {
                pending.addLast(RingPacket.publishedMarker(this, writePosition));
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return whether every allocated packet was sent or closed */
    public boolean hasNoPending() {
        lock.lock();
        try {
            return pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
