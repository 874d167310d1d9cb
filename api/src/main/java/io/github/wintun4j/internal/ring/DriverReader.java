// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.WintunException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The driver's end of the send ring: takes the records the application sent, in ring order, and
 * releases each at once, without creating packets ({@link #drain(RecordSink, int)}). An impossible
 * record makes the driver give up on the ring, as the real driver does: the ring is terminated and
 * the records before it stay consumed.
 *
 * <p>Thread-safe: one lock, or no lock at all for the one thread that {@linkplain #claim() claimed}
 * this end (see {@link RingEnd}). After {@link #close()}, or once the ring terminated, a drain takes
 * nothing.
 */
public final class DriverReader extends ReadingEnd {

    /** Takes the bytes of records in {@link #drain(RecordSink, int)}. */
    @FunctionalInterface
    public interface RecordSink {
        /**
         * @param packet the record's bytes, from its position to its limit (not from 0: the view
         *               spans the whole ring and is reused for the next record, so that draining
         *               allocates nothing); valid only during the call
         */
        void accept(ByteBuffer packet);
    }

    private final ByteBuffer drainView;

    /**
     * @param ring      the ring
     * @param operation the name used in errors, such as {@code "write(TUN)"}
     */
    public DriverReader(Ring ring, String operation) {
        super(ring, operation);
        this.drainView = ring.memory().duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    /**
     * Hands each record's bytes to {@code sink} and releases it at once.
     *
     * @param sink receives each record
     * @param max  the most records to take, {@code >= 0}
     * @return how many records were taken; 0 when empty or ended
     * @throws IllegalArgumentException when {@code max} is negative
     * @throws IllegalStateException    when another thread claimed this end
     */
    public int drain(RecordSink sink, int max) {
        Objects.requireNonNull(sink, "sink");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        if (claimedByCaller()) {
            return drainRecords(sink, max);
        }
        lockUnclaimed();
        try {
            return drainRecords(sink, max);
        } finally {
            lock.unlock();
        }
    }

    private int drainRecords(RecordSink sink, int max) {
        if (isEnded()) {
            return 0;
        }
        int position = outstanding.position;
        int count = 0;
        int size;
        // Head moves after each record (no try/finally around the loop: the JIT inlines the
        // smaller method into its caller), so a sink that throws leaves exactly its own record
        // and those after it in the ring.
        while (count < max && (size = driverRecordSize(position)) >= 0) {
            int start = ring.dataIndex(position);
            drainView.limit(start + size).position(start);
            sink.accept(drainView);
            position = ring.wrap(position + Ring.recordSize(size));
            READ_POSITION.setOpaque(outstanding, position);
            ring.publishHead(position);
            count++;
        }
        return count;
    }

    /**
     * The size of the record at {@code position} as the driver reads it; kept out of
     * {@link #drainRecords} so that the JIT inlines that loop into its caller.
     *
     * @return the size; -1 when the ring is empty, or when the record is impossible (the ring is
     *         then terminated, as the real driver gives up on it)
     */
    private int driverRecordSize(int position) {
        int available = availableFrom(position);
        if (available == 0) {
            return -1;
        }
        try {
            return checkedSizeAt(position, available);
        } catch (WintunException e) {
            ring.terminate();
            return -1;
        }
    }

    /** Never called: this end hands out no packets. */
    @Override
    void closePacket(RingPacket packet) {
        throw new IllegalStateException("the driver's end of a ring hands out no packets");
    }
}
