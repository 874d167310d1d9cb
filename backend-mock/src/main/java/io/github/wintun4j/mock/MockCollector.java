// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.internal.ClaimHandle;
import io.github.wintun4j.internal.DriverPacketRules;
import io.github.wintun4j.internal.ring.DriverReader;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The outbound direction of one mock session (application to network), claimed by one thread
 * with {@link MockNetwork#claimOutbound()}: {@link MockNetwork#drainSent} without its locks or a
 * copy, for tests and benchmarks that consume what a session sends from one thread as fast as it
 * sends. The driver rule holds: non-IP packets are dropped and counted.
 *
 * <p>Threading: only the claiming thread may drain (other threads get
 * {@link IllegalStateException}) or close (elsewhere {@code close()} does nothing). While claimed, responders do not run (they would consume the
 * same ring) and
 * {@link MockNetwork#takeSent()} / {@code drainSent} hand out only packets queued before the claim.
 *
 * <p>After {@link #close()}, or once the session ended, {@code drain} returns 0.
 */
public final class MockCollector extends ClaimHandle {

    private final SessionLink link;
    private final TrafficCounters counters;
    private final DriverReader reader;
    private final RecordFilter filter = new RecordFilter();

    MockCollector(SessionLink link, TrafficCounters counters) {
        super("collector", link.fromApplication::unclaim);
        this.link = link;
        this.counters = counters;
        this.reader = link.fromApplication;
        reader.claim();
    }

    /**
     * Hands up to {@code max} sent IP packets to {@code sink}, in send order, in place in the
     * send ring.
     *
     * @param sink receives each packet from its position to its limit (the view is reused for the
     *             next packet); valid only during the call
     * @param max  the most packets to hand over, {@code >= 0}
     * @return how many packets were handed over
     * @throws NullPointerException     when the sink is null
     * @throws IllegalArgumentException when {@code max} is negative
     * @throws IllegalStateException    on a thread other than the claimant
     */
    public int drain(Consumer<ByteBuffer> sink, int max) {
        Objects.requireNonNull(sink, "sink");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        if (isClosed() || link.isEnded()) {
            return 0;
        }
        return filter.drain(sink, max);
    }

    /** Applies the driver rule to each record; one instance per collector, so draining allocates nothing. */
    private final class RecordFilter implements DriverReader.RecordSink {
        private Consumer<ByteBuffer> sink;
        private int passed;

        /** The loop of {@link MockCollector#drain}, apart so that the JIT inlines both into the caller. */
        int drain(Consumer<ByteBuffer> newSink, int max) {
            sink = newSink;
            passed = 0;
            // Non-IP records are consumed without counting toward max: drain again until max or empty.
            int records;
            do {
                records = reader.drain(this, max - passed);
            } while (records > 0 && passed < max && !isClosed());   // a sink may close this collector
            // Not in a finally: a sink that throws stays referenced until the next drain, which
            // is harmless, and the smaller method is inlined into the caller.
            sink = null;
            return passed;
        }

        @Override
        public void accept(ByteBuffer record) {
            if (!DriverPacketRules.acceptsFromApplication(record)) {
                counters.droppedNonIpByClaimant();
                return;
            }
            sink.accept(record);
            passed++;
            counters.sentByClaimant();
        }
    }
}
