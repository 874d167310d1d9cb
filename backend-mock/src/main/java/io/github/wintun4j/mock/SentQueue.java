// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The packets the application sent that no responder handled, kept (as copies) for
 * {@link MockNetwork#takeSent()} in send order.
 *
 * <p>Bounded: when full, the oldest packet is shed to make room and counted. A queue that sheds
 * the oldest keeps a long-running demo (which nobody drains) from growing without limit, and
 * keeps what a test that looks late most likely wants: the latest traffic. Applying back-pressure
 * instead would stall the send ring and with it every answer from the responders.
 *
 * <p>Not thread-safe: guarded by the network's pump lock. {@link #isEmpty()} alone may be asked
 * without the lock (a hint for waiters).
 */
final class SentQueue {

    private final ArrayDeque<byte[]> packets = new ArrayDeque<>();
    private final int limit;
    private final TrafficCounters counters;
    private volatile int size;

    SentQueue(int limit, TrafficCounters counters) {
        this.limit = limit;
        this.counters = counters;
    }

    /** Appends a copy of the packet's remaining bytes (its position does not move). */
    void add(ByteBuffer packet) {
        byte[] copy = new byte[packet.remaining()];
        packet.get(packet.position(), copy);
        if (packets.size() == limit) {
            packets.pollFirst();
            counters.sentQueueOverflow();
        }
        packets.addLast(copy);
        size = packets.size();
    }

    /** @return the oldest packet, or {@code null} when empty */
    byte[] poll() {
        byte[] packet = packets.pollFirst();
        if (packet != null) {
            size = packets.size();
        }
        return packet;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
