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
