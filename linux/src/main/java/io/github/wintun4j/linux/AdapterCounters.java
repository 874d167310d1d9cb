// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.util.concurrent.atomic.LongAdder;

/**
 * The drops the driver side of an adapter's sessions counts, as the Wintun driver counts discards.
 * Thread-safe.
 */
final class AdapterCounters {

    private final LongAdder nonIp = new LongAdder();
    private final LongAdder inbound = new LongAdder();
    private final LongAdder outbound = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder segmentedReads = new LongAdder();
    private final LongAdder mergedWrites = new LongAdder();

    /** A packet from the application that was not IP (wintun-reference section 4). */
    void nonIpDropped() {
        nonIp.increment();
    }

    /** A packet from the kernel that did not fit the receive ring. */
    void inboundDropped() {
        inbound.increment();
    }

    /** A packet from the application that the kernel refused (for example while the interface is down). */
    void outboundDropped() {
        outbound.increment();
    }

    /** A packet from the kernel whose offload header ({@code virtio_net_hdr}) did not match the packet. */
    void malformedOffloadDropped() {
        malformed.increment();
    }

    /** A read of a segmentation-offload packet, cut into the packets the application receives. */
    void segmentedRead() {
        segmentedReads.increment();
    }

    /** A write of several of the application's packets merged into one segmentation-offload packet. */
    void mergedWrite() {
        mergedWrites.increment();
    }

    long segmentedReads() {
        return segmentedReads.sum();
    }

    long mergedWrites() {
        return mergedWrites.sum();
    }

    long malformedOffload() {
        return malformed.sum();
    }

    long nonIp() {
        return nonIp.sum();
    }

    long inbound() {
        return inbound.sum();
    }

    long outbound() {
        return outbound.sum();
    }
}
