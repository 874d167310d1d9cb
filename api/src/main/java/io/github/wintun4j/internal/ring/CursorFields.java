// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

/**
 * The per-packet (and per-call) state of one end of a ring, between two paddings (see
 * {@link CursorPadding}): every field the holder of the end writes as it goes lives here, so
 * that no such write lands on a cache line the other end's thread reads;
 * the behaviour is in {@link RingCursor}. Guarded by the end (its lock, or its claimant).
 */
abstract class CursorFields extends CursorPadding {
    /** The next record to hand out (reader) or to write (writer). */
    int position;
    /** The other end's position as last read: Tail for a reader, Head for a writer. */
    int known;
    /** Where the newest record starts, or -1 before the first (writer only). */
    int newest = -1;
    /** Where each outstanding record ends and whether it is finished, indexed by sequence number. */
    int[] ends;
    boolean[] finished;
    int mask;
    /** The oldest unfinished record, or {@link #next} when none is outstanding. */
    long first;
    long next;
    /** Whether the holder runs a user's handler inside one of this end's calls. */
    boolean inUserCode;
    /** Whether the claimant gave its claim back from inside a handler: done when the call ends. */
    boolean unclaimDeferred;
}
