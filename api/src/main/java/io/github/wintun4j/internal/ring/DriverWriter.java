// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.internal.Arguments;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The driver's end of the receive ring: copies the packets the network sends to the application
 * into the ring, one ({@link #write(ByteBuffer)}) or a whole batch ({@link #writeBatch(List)}) at a
 * time, and publishes them at once. A packet or batch that does not fit is not written: the caller
 * drops it, as the driver drops beyond the ring.
 *
 * <p>Thread-safe: one lock, or no lock at all for the one thread that {@linkplain #claim() claimed}
 * this end (see {@link RingEnd}). After {@link #close()}, or once the ring terminated, nothing is
 * written ({@code false}).
 */
public final class DriverWriter extends WritingEnd {

    /**
     * @param ring      the ring
     * @param operation the name used in errors, such as {@code "read(TUN)"}
     */
    public DriverWriter(Ring ring, String operation) {
        super(ring, operation);
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
        return true;
    }

    /** Never called: this end hands out no packets. */
    @Override
    void closePacket(RingPacket packet) {
        throw new IllegalStateException("the driver's end of a ring hands out no packets");
    }
}
