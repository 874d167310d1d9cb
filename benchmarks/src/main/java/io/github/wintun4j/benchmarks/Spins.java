// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How often a side found nothing to do, per iteration, summed over the group's threads: a
 * producer that found the ring (or queue) full, a consumer that found it empty. Each such
 * attempt is retried after {@link Thread#onSpinWait()}; it is not counted as an operation. The
 * side that spins is the faster one: the other side sets the pace.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class Spins {

    /** Attempts of a producer that found no room. */
    public long full;
    /** Attempts of a consumer that found nothing. */
    public long empty;

    @Setup(Level.Iteration)
    public void reset() {
        full = 0;
        empty = 0;
    }
}
