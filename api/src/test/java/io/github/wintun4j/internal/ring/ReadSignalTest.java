// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-wait handshake: a waiting reader never misses a packet, and an idle wait times out. */
class ReadSignalTest {

    @Test
    @Timeout(60)
    void aReaderThatWaitsWhenEmptyNeverMissesAPacket() throws Exception {
        Ring ring = new Ring(0x20000);
        RingWriter writer = new RingWriter(ring, "write");
        RingReader reader = new RingReader(ring, "read");
        int count = 200_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                for (int expected = 0; expected < count; expected++) {
                    RingPacket packet;
                    while ((packet = reader.receive()) == null) {
                        // A lost wake-up would leave this wait to its full 10 s and fail the test.
                        if (!ring.signal().await(reader::isReadable, TimeUnit.SECONDS.toNanos(10))) {
                            throw new AssertionError("lost wake-up before packet " + expected);
                        }
                    }
                    assertThat(packet.buffer().getInt(0)).isEqualTo(expected);
                    reader.release(packet);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        consumer.start();
        for (int i = 0; i < count; i++) {
            RingPacket packet;
            while ((packet = writer.allocate(20)) == null) {
                Thread.onSpinWait();
            }
            packet.buffer().putInt(0, i);
            writer.send(packet);
        }
        consumer.join();
        assertThat(failure.get()).isNull();
        assertThat(ring.memory().getInt(Ring.ALERTABLE_OFFSET)).as("Alertable back to zero").isZero();
    }

    @Test
    void anIdleWaitTimesOut() throws InterruptedException {
        Ring ring = new Ring(0x20000);
        RingReader reader = new RingReader(ring, "read");
        long start = System.nanoTime();
        assertThat(ring.signal().await(reader::isReadable, TimeUnit.MILLISECONDS.toNanos(50))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    @Timeout(5)
    void terminationWakesAWaiter() throws Exception {
        Ring ring = new Ring(0x20000);
        RingReader reader = new RingReader(ring, "read");
        Thread waiter = new Thread(() -> {
            try {
                ring.signal().await(reader::isReadable, TimeUnit.SECONDS.toNanos(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        // The waiter marked the ring alertable inside the signal's monitor: from then on no wake-up is lost.
        long registered = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (ring.alertable() == 0) {
            assertThat(System.nanoTime() - registered).as("the waiter never started to wait").isNegative();
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        ring.terminate();
        waiter.join();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
    }
}
