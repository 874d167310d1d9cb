// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.internal.DriverPacketRules;
import io.github.wintun4j.internal.ring.DriverReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * How the network side of one adapter consumes the packets the application sends: the driver
 * rule, the responders, and the queue of unhandled packets for {@link MockNetwork#takeSent()}.
 *
 * <p>All consumption, from the send ring and from the queue, happens under one lock, and the
 * ring hands records out in send order, so the order in which packets reach responders, the
 * queue and the takers is the order on the wire, whatever the number of senders and takers. The
 * lock is reentrant so that a responder can deliver; a responder that takes would read the ring
 * inside its own read, so that is refused.
 *
 * <p>While a {@link MockCollector} holds the send ring, nothing here reads the ring: responders
 * do not run, and takers get only the packets queued before.
 *
 * <p>Thread-safe.
 */
final class SentTraffic {

    private final MockNetwork network;
    private final DriverLog log;
    private final TrafficCounters counters;
    private final CopyOnWriteArrayList<MockResponder> responders = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final SentQueue queue;
    private final RecordRule rule = new RecordRule();
    /** Guarded by {@link #lock}: whether this thread is inside a responder or a drain sink. */
    private boolean consuming;

    SentTraffic(MockNetwork network, DriverLog log, TrafficCounters counters, int queueLimit) {
        this.network = network;
        this.log = log;
        this.counters = counters;
        this.queue = new SentQueue(queueLimit, counters);
    }

    List<MockResponder> responders() {
        return responders;
    }

    /** @return whether packets are queued; a hint for waiters, without the lock */
    boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** @return a copy of the next unhandled packet, from the queue then from {@code link}'s ring; or null */
    byte[] takeOne(SessionLink link) {
        lock.lock();
        try {
            requireNotConsuming();
            byte[] queued = queue.poll();
            if (queued != null || link == null) {
                return queued;
            }
            byte[][] taken = new byte[1][];
            consume(link, 1, true, packet -> {
                taken[0] = new byte[packet.remaining()];
                packet.get(packet.position(), taken[0]);
            });
            return taken[0];
        } finally {
            lock.unlock();
        }
    }

    /** Hands up to {@code max} unhandled packets to {@code sink}, queued ones first. */
    int drainTo(SessionLink link, Consumer<ByteBuffer> sink, int max) {
        lock.lock();
        try {
            requireNotConsuming();
            consuming = true;
            try {
                int count = 0;
                byte[] queued;
                while (count < max && (queued = queue.poll()) != null) {
                    sink.accept(ByteBuffer.wrap(queued).asReadOnlyBuffer());
                    count++;
                }
                if (count < max && link != null) {
                    count += consume(link, max - count, true, sink);
                }
                return count;
            } finally {
                consuming = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /** After a send: with responders attached, consumes everything now visible in the ring. */
    void afterSend(SessionLink link) {
        if (responders.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            // A responder that itself sends on the session lands here: the outer loop takes its packet.
            if (!consuming) {
                consume(link, Integer.MAX_VALUE, true, queue::add);
            }
        } finally {
            lock.unlock();
        }
    }

    /** At the end of a session: queues what is left in its send ring, unanswered (no one would read an answer). */
    void salvage(SessionLink link) {
        lock.lock();
        try {
            if (!consuming) {
                consume(link, Integer.MAX_VALUE, false, queue::add);
            }
        } finally {
            lock.unlock();
        }
    }

    private void requireNotConsuming() {
        if (consuming) {
            throw new IllegalStateException("a responder or a drainSent sink must not take sent packets");
        }
    }

    /**
     * Consumes records of the send ring in order until {@code max} IP packets went unhandled or
     * the ring is empty: non-IP records are counted and dropped; IP records are counted, offered
     * to the responders when {@code answer}, and the others go to {@code unhandled}. Caller holds
     * the lock.
     *
     * @return how many packets went to {@code unhandled}
     */
    private int consume(SessionLink from, int max, boolean answer, Consumer<ByteBuffer> unhandled) {
        if (from.fromApplication.isClaimed()) {
            return 0; // a MockCollector consumes this ring
        }
        boolean outermost = !consuming;
        consuming = true;
        rule.start(from, answer, unhandled);
        try {
            while (rule.passed < max && from.fromApplication.drain(rule, max - rule.passed) > 0) {
                // again: non-IP and answered records do not count toward max
            }
            return rule.passed;
        } catch (IllegalStateException claimedMeanwhile) {
            return rule.passed; // a MockCollector claimed the ring since the check above
        } finally {
            rule.start(null, false, null);
            if (outermost) {
                consuming = false;
            }
        }
    }

    /**
     * The driver rule and the responders, applied to each record drained from a send ring. One
     * instance, reused under the lock, so that consuming allocates nothing per record (but the
     * copies a responder is given, and the queue's copies).
     */
    private final class RecordRule implements DriverReader.RecordSink {
        private ByteBuffer view;
        private boolean answer;
        private Consumer<ByteBuffer> unhandled;
        private int passed;

        void start(SessionLink from, boolean answerPackets, Consumer<ByteBuffer> sink) {
            view = from == null ? null : from.sendRingView;
            answer = answerPackets;
            unhandled = sink;
            passed = 0;
        }

        @Override
        public void accept(ByteBuffer record) {
            // The same bytes, read-only: limit first, so that the position is always within it.
            ByteBuffer packet = view.limit(record.limit()).position(record.position());
            if (!DriverPacketRules.acceptsFromApplication(packet)) {
                counters.droppedNonIp();
                return;
            }
            if (answer && !responders.isEmpty() && answered(packet)) {
                counters.sent();
                return;
            }
            // Counted once taken: a sink that throws leaves its record in the ring for the next take.
            unhandled.accept(packet);
            passed++;
            counters.sent();
        }
    }

    /** Offers one packet (position to limit; not moved) to the responders in order; the first with replies wins. */
    private boolean answered(ByteBuffer packet) {
        for (MockResponder responder : responders) {
            List<byte[]> replies;
            try {
                // A slice per responder, made here and handed over at once: a slice made once per
                // record and kept across the responders' calls came back null after a
                // deoptimization on JDK 25.0.3 with C2's ReduceAllocationMerges (flaky
                // MockNetworkClaimsTest; gone with -XX:-ReduceAllocationMerges); this shape
                // leaves C2 no object of ours to rematerialize across the calls.
                replies = responder.respond(packet.slice().order(ByteOrder.BIG_ENDIAN), network);
            } catch (RuntimeException e) {
                log.error("responder " + responder + " failed on a sent packet, offering it to the next: " + e);
                continue;
            }
            if (replies == null || replies.isEmpty()) {
                continue;
            }
            for (byte[] reply : replies) {
                try {
                    network.deliver(reply);
                } catch (RuntimeException e) {
                    log.error("responder " + responder + " returned a reply that cannot be delivered: " + e);
                }
            }
            return true;
        }
        return false;
    }
}
