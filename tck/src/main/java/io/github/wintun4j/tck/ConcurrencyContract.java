// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads on one session ({@link Session} Javadoc: every method is thread-safe, any number
 * of threads may receive and release, and any number may allocate and send, at once): nothing is
 * lost, nothing duplicated, nothing torn, and each sender's order is kept; and a close under load
 * ends every thread cleanly.
 */
public interface ConcurrencyContract extends WintunFixture {

    /** Threads on each side. */
    int THREADS = 4;
    /** Packets each thread moves. */
    int PACKETS_PER_THREAD = 20_000;
    /** The longest a load test may take. */
    Duration LOAD_END = Duration.ofSeconds(30);

    @Test
    @Timeout(60)
    default void fourSendersAtOnceLoseNothingDuplicateNothingAndKeepTheirOrder() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        int total = THREADS * PACKETS_PER_THREAD;
        try (Session session = newSession(adapter, 0x100000)) {
            BackgroundCall<long[]> collector = BackgroundCall.start("collector", () -> {
                long[] next = new long[THREADS];
                for (int i = 0; i < total; i++) {
                    byte[] sent = network.takeSent(10, TimeUnit.SECONDS);
                    if (sent == null) {
                        throw new AssertionError("only " + i + " of " + total + " packets reached the network");
                    }
                    PacketStamp stamp = TestPackets.stampOf(sent);
                    if (stamp.seq() != next[stamp.sender()]) {
                        throw new AssertionError("sender " + stamp.sender() + ": expected packet " + next[stamp.sender()]
                                + ", got " + stamp.seq());
                    }
                    next[stamp.sender()]++;
                }
                return next;
            });
            List<BackgroundCall<Integer>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int sender = t;
                senders.add(BackgroundCall.start("sender-" + t, () -> {
                    int full = 0;
                    for (int seq = 0; seq < PACKETS_PER_THREAD; seq++) {
                        int size = TestPackets.MIN_STAMPED_IPV4 + (seq % 7) * 13;
                        Packet packet;
                        while ((packet = session.allocateSendPacket(size)) == null) {
                            full++;
                            Thread.yield();
                        }
                        packet.buffer().put(0, TestPackets.ipv4(sender, seq, size));
                        session.sendPacket(packet);
                    }
                    return full;
                }));
            }
            for (BackgroundCall<Integer> sender : senders) {
                assertThat(sender.value(LOAD_END)).isNotNull();
            }
            assertThat(collector.value(LOAD_END)).containsOnly(PACKETS_PER_THREAD);
            assertThat(network.takeSent(SendOrderContract.QUIET_MILLIS, TimeUnit.MILLISECONDS))
                    .as("nothing more than was sent").isNull();
        }
    }

    @Test
    @Timeout(60)
    default void fourReceiversOnOneSessionGetEveryPacketOnceAndInOrderPerSource() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        int total = THREADS * PACKETS_PER_THREAD;
        AtomicIntegerArray seen = new AtomicIntegerArray(total);
        AtomicInteger received = new AtomicInteger();
        try (Session session = newSession(adapter, 0x100000)) {
            List<BackgroundCall<Integer>> receivers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                receivers.add(BackgroundCall.start("receiver-" + t, () -> {
                    // Each receiver takes packets in ring order under the session's lock, so within
                    // one receiver the packets of one source come in that source's order.
                    long[] last = new long[THREADS];
                    java.util.Arrays.fill(last, -1);
                    int mine = 0;
                    while (received.get() < total) {
                        Packet packet = session.receivePacket(20, TimeUnit.MILLISECONDS);
                        if (packet == null) {
                            continue;
                        }
                        PacketStamp stamp;
                        try (Packet held = packet) {
                            stamp = TestPackets.stampOf(held.buffer());
                        }
                        if (stamp.seq() <= last[stamp.sender()]) {
                            throw new AssertionError("source " + stamp.sender() + ": packet " + stamp.seq()
                                    + " came after " + last[stamp.sender()]);
                        }
                        last[stamp.sender()] = stamp.seq();
                        int index = stamp.sender() * PACKETS_PER_THREAD + (int) stamp.seq();
                        if (seen.getAndIncrement(index) != 0) {
                            throw new AssertionError("packet " + stamp + " was received twice");
                        }
                        received.incrementAndGet();
                        mine++;
                    }
                    return mine;
                }));
            }
            List<BackgroundCall<Integer>> sources = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int source = t;
                sources.add(BackgroundCall.start("source-" + t, () -> {
                    int dropped = 0;
                    for (int seq = 0; seq < PACKETS_PER_THREAD; seq += 4) {
                        List<byte[]> batch = new ArrayList<>(4);
                        for (int i = seq; i < Math.min(seq + 4, PACKETS_PER_THREAD); i++) {
                            batch.add(TestPackets.ipv4(source, i, TestPackets.MIN_STAMPED_IPV4 + (i % 5) * 11));
                        }
                        // A full ring drops the batch whole: the source sends it again, as a stack would not,
                        // so that the test can require every packet.
                        while (!network.deliver(batch)) {
                            dropped++;
                            Thread.yield();
                        }
                    }
                    return dropped;
                }));
            }
            for (BackgroundCall<Integer> source : sources) {
                assertThat(source.value(LOAD_END)).isNotNull();
            }
            int sum = 0;
            for (BackgroundCall<Integer> receiver : receivers) {
                sum += receiver.value(LOAD_END);
            }
            assertThat(sum).isEqualTo(total);
            assertThat(received.get()).isEqualTo(total);
            for (int i = 0; i < total; i++) {
                if (seen.get(i) != 1) {
                    throw new AssertionError("packet " + (i / PACKETS_PER_THREAD) + "/" + (i % PACKETS_PER_THREAD)
                            + " was received " + seen.get(i) + " times");
                }
            }
            assertThat(session.receivePacket()).as("nothing more than was delivered").isNull();
        }
    }

    @Test
    @Timeout(30)
    default void aCloseUnderLoadEndsEveryThreadWithEndOfFile() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        Session session = newSession(adapter);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger moved = new AtomicInteger();
        AtomicInteger sourced = new AtomicInteger();
        List<BackgroundCall<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(BackgroundCall.start("receiver-" + t, () -> {
                while (true) {
                    try (Packet packet = session.receivePacket(1, TimeUnit.SECONDS)) {
                        if (packet != null) {
                            // Only a byte: once the session closes, the view's bytes are undefined.
                            packet.buffer().get(0);
                            moved.incrementAndGet();
                        }
                    }
                }
            }));
            int sender = t;
            workers.add(BackgroundCall.start("sender-" + t, () -> {
                for (int seq = 0; ; seq++) {
                    Packet packet = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
                    if (packet == null) {
                        Thread.yield();
                        continue;
                    }
                    packet.buffer().put(0, TestPackets.ipv4(sender, seq, TestPackets.MIN_STAMPED_IPV4));
                    session.sendPacket(packet);
                    moved.incrementAndGet();
                }
            }));
        }
        BackgroundCall<Integer> source = BackgroundCall.start("source", () -> {
            int seq = 0;
            while (!stop.get()) {
                network.deliver(List.of(TestPackets.ipv4(9, seq++, 64)));
                network.takeSent(0, TimeUnit.MILLISECONDS);
                sourced.set(seq);
            }
            return seq;
        });
        // Both conditions: on a loaded machine the senders alone can pass 1000 before the source runs.
        Eventually.until("traffic in both directions", () -> moved.get() > 1000 && sourced.get() > 0);
        session.close();
        for (BackgroundCall<Integer> worker : workers) {
            Throwable thrown = worker.thrown(Duration.ofSeconds(2));
            if (thrown instanceof IllegalStateException) {
                // The close came between getting a packet and using it: documented, and it must say so.
                assertThat(thrown).hasMessageContaining("closed");
            } else {
                assertWintunError(thrown, WintunErrors.ERROR_HANDLE_EOF);
            }
        }
        stop.set(true);
        assertThat(source.value(Duration.ofSeconds(2))).isPositive();
        assertThat(session.isOpen()).isFalse();
    }
}
