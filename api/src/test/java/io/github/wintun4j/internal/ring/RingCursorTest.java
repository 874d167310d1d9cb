// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bookkeeping behind release-in-any-order and send-in-allocation-order, without a ring. */
class RingCursorTest {

    @Test
    void theFinishedPrefixMovesOnlyWhenTheOldestFinishes() {
        RingCursor records = new RingCursor();
        long first = records.add(10);
        long second = records.add(20);
        long third = records.add(30);

        assertThat(records.finish(second)).as("the oldest is still out").isEqualTo(-1);
        assertThat(records.isOutstanding(second)).isFalse();
        assertThat(records.finish(first)).as("first and second are done").isEqualTo(20);
        assertThat(records.finish(third)).isEqualTo(30);
        assertThat(records.isEmpty()).isTrue();
        assertThat(records.isOutstanding(first)).as("a finished sequence never comes back").isFalse();
    }

    @Test
    void manyMoreRecordsThanTheFirstArraysHoldFinishInAnyOrder() {
        RingCursor records = new RingCursor();
        Random random = new Random(42);
        long finishedUpTo = 0;
        for (int round = 0; round < 20; round++) {
            int count = 1 + random.nextInt(3000);
            List<Long> sequences = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sequences.add(records.add((int) (finishedUpTo + i + 1)));
            }
            Collections.shuffle(sequences, random);
            int lastEnd = -1;
            for (long sequence : sequences) {
                assertThat(records.isOutstanding(sequence)).isTrue();
                int end = records.finish(sequence);
                if (end >= 0) {
                    assertThat(end).as("the prefix only grows").isGreaterThan(lastEnd);
                    lastEnd = end;
                }
            }
            finishedUpTo += count;
            assertThat(lastEnd).as("all done: the prefix ends after the newest").isEqualTo((int) finishedUpTo);
            assertThat(records.isEmpty()).isTrue();
        }
    }
}
