// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

/**
 * The state one end of a ring changes for every packet: its position, the other end's position
 * as last read, and the records it has handed out and not yet finished, by sequence number (the
 * reader's received packets until released, the writer's allocated packets until sent). Records
 * finish in any order, but the ring position moves only over the finished prefix, so this keeps,
 * for each outstanding record, where it ends and whether it is finished, in two arrays indexed by
 * sequence number. No object per record: the hot path allocates nothing (the arrays double when
 * more records are outstanding than they hold, which a ring of a given capacity bounds).
 *
 * <p>The fields live in {@link CursorFields}, padded on both sides (see {@link CursorPadding}).
 *
 * <p>Not thread-safe: guarded by its ring end (its lock, or the thread that claimed it).
 */
final class RingCursor extends CursorFields {

    private static final int INITIAL_SLOTS = 256;

    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    RingCursor() {
        ends = new int[INITIAL_SLOTS];
        finished = new boolean[INITIAL_SLOTS];
        mask = INITIAL_SLOTS - 1;
    }

    /**
     * @param end the ring position just after the record
     * @return the record's sequence number
     */
    long add(int end) {
        if (next - first == ends.length) {
            grow();
        }
        int slot = (int) next & mask;
        ends[slot] = end;
        finished[slot] = false;
        return next++;
    }

    /** @return whether no record is outstanding */
    boolean isEmpty() {
        return first == next;
    }

    /** @return whether {@code sequence} was handed out and is not finished */
    boolean isOutstanding(long sequence) {
        return sequence >= first && sequence < next && !finished[(int) sequence & mask];
    }

    /**
     * Marks a record finished and drops the finished prefix.
     *
     * @param sequence an outstanding record
     * @return the end of the last record of the prefix that became finished, or -1 when the
     *         oldest record is still unfinished (the ring position must not move)
     */
    int finish(long sequence) {
        finished[(int) sequence & mask] = true;
        if (sequence != first) {
            return -1;
        }
        int end;
        do {
            end = ends[(int) first & mask];
            first++;
        } while (first < next && finished[(int) first & mask]);
        return end;
    }

    private void grow() {
        int size = ends.length * 2;
        int[] newEnds = new int[size];
        boolean[] newFinished = new boolean[size];
        for (long sequence = first; sequence < next; sequence++) {
            newEnds[(int) sequence & (size - 1)] = ends[(int) sequence & mask];
            newFinished[(int) sequence & (size - 1)] = finished[(int) sequence & mask];
        }
        ends = newEnds;
        finished = newFinished;
        mask = size - 1;
    }
}
