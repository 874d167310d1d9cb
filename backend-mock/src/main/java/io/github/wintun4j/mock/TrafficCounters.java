// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The running totals behind {@link MockCounters}, plus the sent-queue overflow count. Each
 * counter is updated atomically on its own; a snapshot is not atomic across counters.
 * Thread-safe.
 *
 * <p>The {@code ...ByClaimant} updates are for the one thread that claimed a direction
 * ({@link MockInjector}, {@link MockCollector}): while the claim holds, no other thread updates
 * those counters, so a plain add published with an opaque store is enough, and it costs no atomic
 * instruction (which, per packet, would cost more than the packet). Claiming and giving back go
 * through a lock, which orders these updates with the atomic ones before and after.
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

    void deliveredByClaimant() {
        deliveredPackets.setOpaque(deliveredPackets.getPlain() + 1);
    }

    void droppedInboundByClaimant() {
        droppedInboundBatches.setOpaque(droppedInboundBatches.getPlain() + 1);
        droppedInboundPackets.setOpaque(droppedInboundPackets.getPlain() + 1);
    }

    void sentByClaimant() {
        sentPackets.setOpaque(sentPackets.getPlain() + 1);
    }

    void droppedNonIpByClaimant() {
        droppedNonIp.setOpaque(droppedNonIp.getPlain() + 1);
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
