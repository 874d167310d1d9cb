// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting for packets ({@link Session#receivePacket(long, TimeUnit)} and
 * {@link Session#awaitReadable(long, TimeUnit)}): a timeout gives {@code null} (or {@code false})
 * after about the timeout; a packet delivered from another thread wakes the waiter promptly; a
 * close or the adapter going away wakes it within {@value #WAKE_MILLIS} ms with
 * {@code ERROR_HANDLE_EOF}; an interrupt gives {@link InterruptedException}.
 */
public interface BlockingReceiveContract extends WintunFixture {

    /** How soon a close or a removal must wake a blocked receiver. */
    long WAKE_MILLIS = 100;
    /** How soon a delivered packet must wake a blocked receiver (generous: CI machines stall). */
    long DELIVERY_WAKE_MILLIS = 500;
    /** The longest time the kit waits for a background call that should have ended. */
    Duration END = Duration.ofSeconds(5);

    @Test
    @Timeout(10)
    default void aTimedReceiveOnAnEmptyRingGivesNullAfterTheTimeout() throws InterruptedException {
        try (Session session = newSession(newAdapter())) {
            for (long timeoutMillis : new long[] {1, 50, 200}) {
                long start = System.nanoTime();
                Packet packet = session.receivePacket(timeoutMillis, TimeUnit.MILLISECONDS);
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(packet).isNull();
                assertThat(elapsed).as("ms waited for a %d ms timeout", timeoutMillis)
                        .isBetween(timeoutMillis - 1, timeoutMillis + 1000);
            }
            long start = System.nanoTime();
            assertThat(session.receivePacket(0, TimeUnit.MILLISECONDS)).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("ms for timeout 0").isLessThan(50);
        }
    }

    @Test
    @Timeout(10)
    default void aPacketDeliveredFromAnotherThreadWakesTheReceiverPromptly() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            for (int round = 0; round < 3; round++) {
                BackgroundCall<byte[]> receiver = BackgroundCall.start("receiver", () -> {
                    try (Packet packet = session.receivePacket(10, TimeUnit.SECONDS)) {
                        return packet == null ? null : TestPackets.bytesOf(packet.buffer());
                    }
                });
                receiver.awaitBlocked(Duration.ofMillis(200));
                byte[] bytes = TestPackets.ipv4(40, round, 128);
                long delivered = System.nanoTime();
                assertThat(network(adapter).deliver(List.of(bytes))).isTrue();
                assertThat(receiver.value(END)).isEqualTo(bytes);
                assertThat(TimeUnit.NANOSECONDS.toMillis(receiver.endNanos() - delivered))
                        .as("ms from delivery to wake-up").isLessThan(DELIVERY_WAKE_MILLIS);
            }
        }
    }

    @Test
    @Timeout(10)
    default void theLongestTimeoutsDoNotOverflowIntoAnImmediateReturn() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            // One at a time: a receiver could take the packet before a waiter looks, and the
            // waiter would then rightly wait on.
            BackgroundCall<Boolean> waiter = BackgroundCall.start("waiter",
                    () -> session.awaitReadable(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
            waiter.awaitBlocked(Duration.ofMillis(200));
            assertThat(waiter.await(Duration.ofMillis(100))).as("awaitReadable with the longest timeout returned early")
                    .isFalse();
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(43, 0, 64)))).isTrue();
            assertThat(waiter.value(END)).isTrue();
            session.receivePacket().close();

            BackgroundCall<byte[]> receiver = BackgroundCall.start("receiver", () -> {
                try (Packet packet = session.receivePacket(Long.MAX_VALUE, TimeUnit.DAYS)) {
                    return packet == null ? null : TestPackets.bytesOf(packet.buffer());
                }
            });
            receiver.awaitBlocked(Duration.ofMillis(200));
            assertThat(receiver.await(Duration.ofMillis(100))).as("receive with the longest timeout returned early")
                    .isFalse();
            byte[] bytes = TestPackets.ipv4(43, 1, 64);
            assertThat(network(adapter).deliver(List.of(bytes))).isTrue();
            assertThat(receiver.value(END)).isEqualTo(bytes);
        }
    }

    @Test
    @Timeout(10)
    default void closingTheSessionWakesABlockedReceiverWithEndOfFile() throws InterruptedException {
        Session session = newSession(newAdapter());
        BackgroundCall<Packet> receiver = BackgroundCall.start("receiver",
                () -> session.receivePacket(10, TimeUnit.SECONDS));
        receiver.awaitBlocked(Duration.ofMillis(200));
        long closed = System.nanoTime();
        session.close();
        assertWintunError(receiver.thrown(END), WintunErrors.ERROR_HANDLE_EOF);
        assertThat(TimeUnit.NANOSECONDS.toMillis(receiver.endNanos() - closed))
                .as("ms from close to wake-up").isLessThan(WAKE_MILLIS);
    }

    @Test
    @Timeout(10)
    default void theAdapterGoingAwayWakesABlockedReceiverWithEndOfFile() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            BackgroundCall<Packet> receiver = BackgroundCall.start("receiver",
                    () -> session.receivePacket(10, TimeUnit.SECONDS));
            receiver.awaitBlocked(Duration.ofMillis(200));
            long removed = System.nanoTime();
            network(adapter).removeAdapter();
            assertWintunError(receiver.thrown(END), WintunErrors.ERROR_HANDLE_EOF);
            assertThat(TimeUnit.NANOSECONDS.toMillis(receiver.endNanos() - removed))
                    .as("ms from removal to wake-up").isLessThan(WAKE_MILLIS);
        }
    }

    @Test
    @Timeout(10)
    default void closingTheAdapterWakesABlockedReceiverWithEndOfFile() throws InterruptedException {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        BackgroundCall<Packet> receiver = BackgroundCall.start("receiver",
                () -> session.receivePacket(10, TimeUnit.SECONDS));
        receiver.awaitBlocked(Duration.ofMillis(200));
        long closed = System.nanoTime();
        adapter.close();
        assertWintunError(receiver.thrown(END), WintunErrors.ERROR_HANDLE_EOF);
        assertThat(TimeUnit.NANOSECONDS.toMillis(receiver.endNanos() - closed))
                .as("ms from adapter close to wake-up").isLessThan(WAKE_MILLIS);
    }

    @Test
    @Timeout(10)
    default void closeWakesEveryBlockedReceiverNotJustOne() throws InterruptedException {
        Session session = newSession(newAdapter());
        List<BackgroundCall<Packet>> receivers = List.of(
                BackgroundCall.start("receiver-1", () -> session.receivePacket(10, TimeUnit.SECONDS)),
                BackgroundCall.start("receiver-2", () -> session.receivePacket(10, TimeUnit.SECONDS)),
                BackgroundCall.start("receiver-3", () -> session.receivePacket(10, TimeUnit.SECONDS)));
        for (BackgroundCall<Packet> receiver : receivers) {
            receiver.awaitBlocked(Duration.ofMillis(200));
        }
        long closed = System.nanoTime();
        session.close();
        for (BackgroundCall<Packet> receiver : receivers) {
            assertWintunError(receiver.thrown(END), WintunErrors.ERROR_HANDLE_EOF);
            assertThat(TimeUnit.NANOSECONDS.toMillis(receiver.endNanos() - closed))
                    .as("ms from close to wake-up").isLessThan(WAKE_MILLIS);
        }
    }

    @Test
    @Timeout(10)
    default void anInterruptEndsTheWaitWithInterruptedException() throws InterruptedException {
        try (Session session = newSession(newAdapter())) {
            BackgroundCall<Packet> receiver = BackgroundCall.start("receiver",
                    () -> session.receivePacket(10, TimeUnit.SECONDS));
            receiver.awaitBlocked(Duration.ofMillis(200));
            receiver.interrupt();
            assertThat(receiver.thrown(END)).isInstanceOf(InterruptedException.class);

            BackgroundCall<Boolean> waiter = BackgroundCall.start("waiter",
                    () -> session.awaitReadable(10, TimeUnit.SECONDS));
            waiter.awaitBlocked(Duration.ofMillis(200));
            waiter.interrupt();
            assertThat(waiter.thrown(END)).isInstanceOf(InterruptedException.class);
            assertThat(session.isOpen()).as("an interrupt does not end the session").isTrue();
        }
    }

    @Test
    @Timeout(10)
    default void awaitReadableTimesOutOnAnEmptyRingAndAnswersAtOnceWhenAPacketWaits()
            throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            long start = System.nanoTime();
            assertThat(session.awaitReadable(100, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(99L, 1100L);
            assertThat(session.awaitReadable(0, TimeUnit.MILLISECONDS)).as("timeout 0, empty ring").isFalse();

            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(41, 0, 64)))).isTrue();
            start = System.nanoTime();
            assertThat(session.awaitReadable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(session.awaitReadable(0, TimeUnit.SECONDS)).as("timeout 0, a packet waiting").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(WAKE_MILLIS);
            try (Packet packet = session.receivePacket()) {
                assertThat(packet).isNotNull();
            }
        }
    }

    @Test
    @Timeout(10)
    default void awaitReadableWakesPromptlyWhenAPacketIsDelivered() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            BackgroundCall<Boolean> waiter = BackgroundCall.start("waiter",
                    () -> session.awaitReadable(10, TimeUnit.SECONDS));
            waiter.awaitBlocked(Duration.ofMillis(200));
            long delivered = System.nanoTime();
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(42, 0, 64)))).isTrue();
            assertThat(waiter.value(END)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(waiter.endNanos() - delivered)).isLessThan(DELIVERY_WAKE_MILLIS);
            try (Packet packet = session.receivePacket()) {
                assertThat(TestPackets.stampOf(packet.buffer())).isEqualTo(new PacketStamp(42, 0));
            }
        }
    }

    /**
     * The Javadoc of {@code awaitReadable} says it returns {@code true} once the session ended,
     * while the Javadoc of {@link Session} says the blocked waiters "end with ERROR_HANDLE_EOF":
     * both are accepted; what matters is that the waiter wakes at once and the next receive
     * reports the end.
     */
    @Test
    @Timeout(10)
    default void closingTheSessionWakesAWaiterInAwaitReadable() throws InterruptedException {
        Session session = newSession(newAdapter());
        BackgroundCall<Boolean> waiter = BackgroundCall.start("waiter",
                () -> session.awaitReadable(10, TimeUnit.SECONDS));
        waiter.awaitBlocked(Duration.ofMillis(200));
        long closed = System.nanoTime();
        session.close();
        assertThat(waiter.await(END)).as("the waiter woke").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(waiter.endNanos() - closed))
                .as("ms from close to wake-up").isLessThan(WAKE_MILLIS);
        try {
            assertThat(waiter.value(END)).as("awaitReadable after close").isTrue();
        } catch (AssertionError e) {
            if (!(e.getCause() instanceof WintunException)) {
                throw e;
            }
            assertWintunError(e.getCause(), WintunErrors.ERROR_HANDLE_EOF);
        }
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
        assertThat(session.awaitReadable(0, TimeUnit.SECONDS)).as("a later awaitReadable on a closed session").isTrue();
    }
}
