// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

/**
 * 128 bytes of nothing, laid out before the fields of {@link RingCursor} (the JVM places a
 * superclass's fields first). With the 128 bytes {@link RingCursor} adds after them, the fields
 * that one thread writes for every packet never share a cache line (or the pair the prefetcher
 * fetches together) with another object, whatever the garbage collector puts next to them: were
 * the producer's and the consumer's positions side by side, each packet would pay for the line
 * moving between the two cores.
 */
abstract class CursorPadding {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}
