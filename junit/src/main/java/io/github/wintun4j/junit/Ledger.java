// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Packet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the host holds of one session: the packets it was handed (to check at the end that each was
 * released or sent) and the threads blocked in a waiting call right now.
 *
 * <p>Thread-safe.
 */
final class Ledger {

    /** Beyond this many packets held, the finished ones are dropped from the ledger as new ones come. */
    private static final int PRUNE_AT = 1024;

    private final ConcurrentLinkedQueue<Packet> packets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Map<Thread, String> blocked = new ConcurrentHashMap<>();

    /** @return {@code packet}, noted (null passes through) */
    Packet note(Packet packet) {
        if (packet != null) {
            packets.add(packet);
            if (count.incrementAndGet() > PRUNE_AT) {
                prune();
            }
        }
        return packet;
    }

    /** The calling thread enters a call that may block. */
    void enter(String call) {
        blocked.put(Thread.currentThread(), call);
    }

    void leave() {
        blocked.remove(Thread.currentThread());
    }

    /** @return one line per thread blocked in the session now */
    List<String> blockedThreads() {
        List<String> lines = new ArrayList<>();
        blocked.forEach((thread, call) -> lines.add("thread \"" + thread.getName() + "\" is still blocked in " + call
                + ": stop the host's threads before the test ends"));
        return lines;
    }

    /** @return one line per kind of packet the host still holds */
    List<String> heldPackets() {
        long received = packets.stream().filter(p -> p.isUsable() && p.isReceived()).count();
        long allocated = packets.stream().filter(p -> p.isUsable() && !p.isReceived()).count();
        List<String> lines = new ArrayList<>();
        if (received > 0) {
            lines.add(received + " received packet(s) never released: each holds back the ring space of every"
                    + " packet received after it");
        }
        if (allocated > 0) {
            lines.add(allocated + " allocated packet(s) never sent or closed: each holds back every packet"
                    + " allocated after it");
        }
        return lines;
    }

    private void prune() {
        for (Iterator<Packet> it = packets.iterator(); it.hasNext(); ) {
            if (!it.next().isUsable()) {
                it.remove();
                count.decrementAndGet();
            }
        }
    }
}
