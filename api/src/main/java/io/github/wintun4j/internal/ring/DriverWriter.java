// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.internal.Arguments;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The driver's end of the receive ring: copies the packets the network sends to the application
 * into the ring, one ({@link #write(ByteBuffer)}) or a whole batch ({@link #writeBatch(List)}) at a
 * time, and publishes them at once; or lends the next record for a packet to be read straight
 * into it ({@link #reserve(int)}, {@link #commit(int)}, {@link #publish()}). A packet or batch that does not fit is not written: the caller
 * drops it, as the driver drops beyond the ring.
 *
 * <p>Thread-safe: one lock, or no lock at all for the one thread that {@linkplain #claim() claimed}
 * this end (see {@link RingEnd}). After {@link #close()}, or once the ring terminated, nothing is
 * written ({@code false}).
 */
public final class DriverWriter extends WritingEnd {

    /** No record is reserved. */
    private static final int NONE = -1;

    /** The view {@link #reserve} hands out, made once: reading straight into the ring allocates nothing. */
    private final ByteBuffer reservation;
    /** Where the reserved record starts, or {@link #NONE}. */
    private int reservedAt = NONE;
    private int reservedMax;
    /** Whether records were committed since the last publication. */
    private boolean unpublished;

    /**
     * @param ring      the ring
     * @param operation the name used in errors, such as {@code "read(TUN)"}
     */
    public DriverWriter(Ring ring, String operation) {
        super(ring, operation);
        this.reservation = ring.memory().duplicate();
    }

    /**
     * Reserves the next record for a packet of up to {@code max} bytes, so that the packet can be
     * read straight into the ring (no copy in between): the answer is a view of the record's data,
     * from position to limit ({@code max} bytes). Then {@link #commit(int)} with the size actually
     * read, or {@link #cancel()}; committed records are published by {@link #publish()}. The view is
     * this writer's one reusable buffer: valid until the next reserve; keep no reference.
     *
     * @param max the largest packet the record may take, 1..0xFFFF
     * @return the view, or {@code null} when the ring has not {@code max} bytes free or ended
     * @throws IllegalArgumentException when {@code max} is out of range
     * @throws IllegalStateException    when a record is reserved already, or another thread claimed this end
     */
    public ByteBuffer reserve(int max) {
        int recordSize = Ring.recordSize(Arguments.requirePacketSize(max));
        if (claimedByCaller()) {
            return reserveOne(max, recordSize);
        }
        lockUnclaimed();
        try {
            return reserveOne(max, recordSize);
        } finally {
            lock.unlock();
        }
    }

    private ByteBuffer reserveOne(int max, int recordSize) {
        if (reservedAt != NONE) {
            throw new IllegalStateException("a record is reserved already: commit or cancel it first");
        }
        if (isEnded() || !fits(pending.position, recordSize)) {
            return null;
        }
        reservedAt = pending.position;
        reservedMax = max;
        int start = ring.dataIndex(reservedAt);
        return reservation.limit(start + max).position(start);
    }

    /**
     * Ends the reservation with the packet that was put into it: the record takes {@code size}
     * bytes, and goes out with the next {@link #publish()}.
     *
     * @param size the packet's size, 1..the reserved maximum
     * @throws IllegalArgumentException when the size is out of that range
     * @throws IllegalStateException    when no record is reserved, or another thread claimed this end
     */
    public void commit(int size) {
        if (claimedByCaller()) {
            commitOne(size);
            return;
        }
        lockUnclaimed();
        try {
            commitOne(size);
        } finally {
            lock.unlock();
        }
    }

    private void commitOne(int size) {
        if (reservedAt == NONE) {
            throw new IllegalStateException("no record is reserved");
        }
        if (size < 1 || size > reservedMax) {
            throw new IllegalArgumentException("size " + size + " is outside 1.." + reservedMax);
        }
        ring.putSizeAt(reservedAt, size);
        pending.newest = reservedAt;
        pending.position = ring.wrap(reservedAt + Ring.recordSize(size));
        reservedAt = NONE;
        unpublished = true;
    }

    /**
     * Ends the reservation without a packet (nothing was read): the ring is as before it. Does
     * nothing when no record is reserved.
     *
     * @throws IllegalStateException when another thread claimed this end
     */
    public void cancel() {
        if (claimedByCaller()) {
            reservedAt = NONE;
            return;
        }
        lockUnclaimed();
        try {
            reservedAt = NONE;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes the records committed since the last publication, at once: the reader sees them
     * all, and waiting readers wake up. Does nothing when there are none or the ring ended.
     *
     * @return whether records were published
     * @throws IllegalStateException when another thread claimed this end
     */
    public boolean publish() {
        if (claimedByCaller()) {
            return publishCommitted();
        }
        lockUnclaimed();
        try {
            return publishCommitted();
        } finally {
            lock.unlock();
        }
    }

    private boolean publishCommitted() {
        if (!unpublished) {
            return false;
        }
        unpublished = false;
        if (isEnded()) {
            return false;
        }
        publishWritten(pending.position);
        return true;
    }

    /**
     * The bytes a packet may take now: the free space less one record header, as seen from this
     * end (it grows while the reader releases). A hint for sizing a burst; {@link #write} and
     * {@link #reserve} decide.
     *
     * @return the largest packet that fits now, 0 when none does
     */
    public int freeBytes() {
        lock.lock();
        try {
            return Math.max(0, free(ring.head(), pending.position) - Ring.SIZE_PREFIX);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies one packet in, or nothing when it does not fit.
     *
     * @param packet the packet's bytes, from position to limit (the position does not move)
     * @return whether it was written; {@code false} when it did not fit or the ring ended
     * @throws IllegalArgumentException when the packet is empty or larger than 0xFFFF bytes
     * @throws IllegalStateException    when another thread claimed this end
     */
    public boolean write(ByteBuffer packet) {
        Objects.requireNonNull(packet, "packet");
        int recordSize = Ring.recordSize(Arguments.requirePacketSize(packet.remaining()));
        if (claimedByCaller()) {
            return writeRecords(packet, null, recordSize);
        }
        lockUnclaimed();
        try {
            return writeRecords(packet, null, recordSize);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a whole batch, or nothing when it does not fit (the driver drops such a batch whole).
     *
     * @param packets the packets' bytes, each from position to limit (positions are not moved)
     * @return whether the batch was written; {@code false} when it did not fit or the ring ended
     * @throws IllegalArgumentException when a packet is empty or larger than 0xFFFF bytes
     * @throws IllegalStateException    when another thread claimed this end
     */
    public boolean writeBatch(List<ByteBuffer> packets) {
        Objects.requireNonNull(packets, "packets");
        long total = 0;
        for (int i = 0; i < packets.size(); i++) {   // indexed: an iterator would be an allocation per batch
            ByteBuffer packet = Objects.requireNonNull(packets.get(i), "packet");
            total += Ring.recordSize(Arguments.requirePacketSize(packet.remaining()));
        }
        if (claimedByCaller()) {
            return writeRecords(null, packets, total);
        }
        lockUnclaimed();
        try {
            return writeRecords(null, packets, total);
        } finally {
            lock.unlock();
        }
    }

    /** Writes {@code single}, or else every packet of {@code batch}, taking {@code total} bytes. */
    private boolean writeRecords(ByteBuffer single, List<ByteBuffer> batch, long total) {
        if (reservedAt != NONE) {
            throw new IllegalStateException("a record is reserved: commit or cancel it first");
        }
        if (isEnded() || !fits(pending.position, total)) {
            return false;
        }
        int position = pending.position;
        if (single != null) {
            position = copyIn(position, single);
        } else {
            for (int i = 0; i < batch.size(); i++) {
                position = copyIn(position, batch.get(i));
            }
        }
        pending.position = position;
        publishWritten(position);
        unpublished = false;    // the publication covers every record committed before
        return true;
    }

    /** Never called: this end hands out no packets. */
    @Override
    void closePacket(RingPacket packet) {
        throw new IllegalStateException("the driver's end of a ring hands out no packets");
    }
}
