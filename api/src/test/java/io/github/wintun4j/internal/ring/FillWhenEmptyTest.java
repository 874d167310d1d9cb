// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.WintunConstants;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver that fills the receive ring on demand ({@code fillWhenEmpty}): a receive that finds the
 * ring empty lets it fill the ring on the receiving thread, then looks again; a receiver that
 * starts to wait is announced to it ({@link Ring#onReaderWaiting}).
 */
class FillWhenEmptyTest {

    private final Ring receiveRing = new Ring(WintunConstants.MIN_RING_CAPACITY);
    private final Ring sendRing = new Ring(WintunConstants.MIN_RING_CAPACITY);
    private final DriverWriter driver = new DriverWriter(receiveRing, "read(TUN)");
    private final AtomicInteger fills = new AtomicInteger();
    /** Packets the "kernel" holds until the driver reads them. */
    private final AtomicInteger queued = new AtomicInteger();
    private final RingSession session = new RingSession(receiveRing, sendRing, null, this::fill, () -> { });

    private void fill() {
        fills.incrementAndGet();
        while (queued.get() > 0) {
            queued.decrementAndGet();
            driver.write(ByteBuffer.wrap(new byte[] {0x45, 1}));
        }
    }

    @Test
    void aReceiveOnAnEmptyRingFillsItOnTheReceivingThreadAndGetsThePacket() {
        queued.set(2);
        Packet first = session.receivePacket();
        assertThat(first).as("read by the receive itself").isNotNull();
        assertThat(fills).hasValue(1);
        session.releaseReceivePacket(first);
        assertThat(session.receivePacket()).as("the second of the same burst, no fill").isNotNull();
        assertThat(fills).hasValue(1);
    }

    @Test
    void aReceiveThatFindsAPacketDoesNotFill() {
        driver.write(ByteBuffer.wrap(new byte[] {0x45, 1}));
        assertThat(session.receivePacket()).isNotNull();
        assertThat(fills).hasValue(0);
    }

    @Test
    void receiveEachAndTheClaimedReceiverFillToo() {
        queued.set(1);
        assertThat(session.receiveEach(packet -> { }, 10)).isEqualTo(1);
        queued.set(1);
        try (Receiver receiver = session.claimReceiver()) {
            Packet packet = receiver.receivePacket();
            assertThat(packet).isNotNull();
            receiver.releaseReceivePacket(packet);
            queued.set(1);
            assertThat(receiver.receiveEach(p -> { }, 10)).isEqualTo(1);
        }
    }

    @Test
    void awaitReadableFillsFirst() throws InterruptedException {
        queued.set(1);
        assertThat(session.awaitReadable(0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void aReceiverThatStartsToWaitIsAnnouncedAndWakesOnThePublication() throws Exception {
        CompletableFuture<Void> announced = new CompletableFuture<>();
        receiveRing.onReaderWaiting(() -> announced.complete(null));
        CompletableFuture<Packet> received = CompletableFuture.supplyAsync(() -> {
            try {
                return session.receivePacket(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        announced.get(30, TimeUnit.SECONDS);
        assertThat(receiveRing.hasWaitingReaders()).isTrue();
        driver.write(ByteBuffer.wrap(new byte[] {0x45, 2}));
        assertThat(received.get(30, TimeUnit.SECONDS).buffer().get(1)).isEqualTo((byte) 2);
    }
}
