// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import java.util.Objects;

/**
 * Test fixture: the faults of a misbehaving driver, injected into a ring for the tests that check
 * how the application's end reports them. Not part of any shipped jar: the modules whose tests need
 * it (the mock, Linux, the FFM and JNA backends through the Linux fixtures) get it from the API's
 * test jar.
 *
 * <p>Thread-safe: it takes the writer's lock, or runs lock-free on the thread that claimed it, as
 * the writer's own calls do.
 */
public final class RingFaults {

    private RingFaults() {
    }

    /**
     * Makes the ring corrupt: the application's reader reports {@code ERROR_INVALID_DATA} once it
     * reaches the impossible record (size 0x10000), and the driver's reader gives up on the ring.
     * The record is a new one at the write position when the ring has room for its size prefix; in
     * a full ring the newest record's size is spoiled instead, so that a full ring never looks
     * empty (Tail never moves onto Head) and the packets before it still come out.
     *
     * @param writer the driver's end of the ring to corrupt
     * @throws IllegalStateException when another thread claimed that end
     */
    public static void writeCorruptRecord(DriverWriter writer) {
        Objects.requireNonNull(writer, "writer");
        if (writer.claimedByCaller()) {
            corrupt(writer);
            return;
        }
        writer.lockUnclaimed();
        try {
            corrupt(writer);
        } finally {
            writer.lock.unlock();
        }
    }

    private static void corrupt(DriverWriter writer) {
        RingCursor pending = writer.pending;
        Ring ring = writer.ring();
        int impossibleSize = Ring.maxPacketSize() + 1;
        if (!writer.fits(pending.position, Ring.SIZE_PREFIX) && pending.newest >= 0) {
            ring.putSizeAt(pending.newest, impossibleSize);
            return;
        }
        ring.putSizeAt(pending.position, impossibleSize);
        pending.newest = pending.position;
        pending.position = ring.wrap(pending.position + Ring.SIZE_PREFIX);
        writer.publishWritten(pending.position);
    }
}
