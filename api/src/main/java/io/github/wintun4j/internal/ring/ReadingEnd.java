// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What both consumer ends of a {@link Ring} share, the application's ({@link RingReader}) and the
 * driver's ({@link DriverReader}): the read position, how many bytes are published, and the checks
 * of a record's size prefix. Every method is final or private, so a call from either end binds
 * statically and inlines as if it were written there.
 *
 * <p>Tail is read only when the records seen before are used up, so a reader that keeps up touches
 * the writer's cache line once per batch of records, not once per record.
 */
abstract class ReadingEnd extends RingEnd {

    /** The read position, written opaque so that {@link #isReadable()} may read it from any thread. */
    static final VarHandle READ_POSITION;

    static {
        try {
            READ_POSITION = MethodHandles.lookup().findVarHandle(CursorFields.class, "position", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** This end's cursor: the records taken and not yet released. */
    final RingCursor outstanding = cursor;

    ReadingEnd(Ring ring, String operation) {
        super(ring, operation);
    }

    /**
     * @return whether a read would not report an empty ring: a record is waiting, or this end
     *         ended. Any thread may ask; the answer may be stale by the time it returns.
     */
    public final boolean isReadable() {
        return isEnded() || ring.tail() != (int) READ_POSITION.getOpaque(outstanding);
    }

    /**
     * The bytes published from {@code position} on; Tail is read again only when those seen
     * before are used up.
     */
    final int availableFrom(int position) {
        int available = (outstanding.known - position) & ring.mask();
        if (available == 0) {
            outstanding.known = ring.tail();
            available = (outstanding.known - position) & ring.mask();
        }
        return available;
    }

    /**
     * @return the size of the record at {@code position}
     * @throws WintunException {@code ERROR_INVALID_DATA} when the record is impossible
     */
    final int checkedSizeAt(int position, int available) {
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
}
