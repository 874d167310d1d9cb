package io.github.wintun4j.mock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The running totals behind {@link MockCounters}, plus the sent-queue overflow count. Each
 * counter is updated atomically on its own; a snapshot is not atomic across counters.
 * Thread-safe.
 */
final class TrafficCounters {

    private final AtomicLong deliveredPackets = new AtomicLong();
    private final AtomicLong droppedInboundBatches = new AtomicLong();
    private final AtomicLong droppedInboundPackets = new AtomicLong();
    private final AtomicLong sentPackets = new AtomicLong();
    private final AtomicLong droppedNonIp = new AtomicLong();
    private final AtomicLong sentQueueOverflow = new AtomicLong();

    void delivered(int packets) {
        deliveredPackets.addAndGet(packets);
    }

    void droppedInbound(int packets) {
        droppedInboundBatches.incrementAndGet();
        droppedInboundPackets.addAndGet(packets);
    }

    void sent() {
        sentPackets.incrementAndGet();
    }

    void droppedNonIp() {
        droppedNonIp.incrementAndGet();
    }

    void sentQueueOverflow() {
        sentQueueOverflow.incrementAndGet();
    }

    long sentQueueOverflowCount() {
        return sentQueueOverflow.get();
    }

    MockCounters snapshot() {
        return new MockCounters(deliveredPackets.get(), droppedInboundBatches.get(), droppedInboundPackets.get(),
                sentPackets.get(), droppedNonIp.get());
    }
}
