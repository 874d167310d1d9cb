// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import java.nio.ByteBuffer;

/**
 * What both producer ends of a {@link Ring} share, the application's ({@link RingWriter}) and the
 * driver's ({@link DriverWriter}): the write position, the free space, copying a packet into the
 * next record and publishing it. Every method is final or private, so a call from either end binds
 * statically and inlines as if it were written there.
 *
 * <p>Head is read only when the free space seen before is used up, so a writer that is not held
 * back touches the reader's cache line once per stretch of free space, not once per record.
 */
abstract class WritingEnd extends RingEnd {

    /** This end's cursor: the records allocated and not yet published. */
    final RingCursor pending = cursor;

    WritingEnd(Ring ring, String operation) {
        super(ring, operation);
    }

    /**
     * Whether {@code needed} bytes are free from {@code position}: free space only grows while this
     * writer does not write, so Head is read again only when the last value read is not enough.
     */
    final boolean fits(int position, long needed) {
        if (needed <= free(pending.known, position)) {
            return true;
        }
        pending.known = ring.head();
        return needed <= free(pending.known, position);
    }

    /** @return the bytes records may take from {@code position} when the reader's Head is {@code head} */
    final int free(int head, int position) {
        return (head - position - Ring.SIZE_PREFIX) & ring.mask();
    }

    /** @return the position after the record that now holds {@code packet}'s bytes (not yet published) */
    final int copyIn(int position, ByteBuffer packet) {
        int size = packet.remaining();
        ring.putSizeAt(position, size);
        pending.newest = position;
        ring.memory().put(ring.dataIndex(position), packet, packet.position(), size);
        return ring.wrap(position + Ring.recordSize(size));
    }

    /** Publishes records written whole up to {@code end}, behind any packet allocated earlier and unsent. */
    final void publishWritten(int end) {
        if (pending.isEmpty()) {
            ring.publishTail(end);
        } else {
            // Packets allocated earlier are still unsent: these wait behind them, as one finished record.
            pending.finish(pending.add(end));
        }
    }
}
