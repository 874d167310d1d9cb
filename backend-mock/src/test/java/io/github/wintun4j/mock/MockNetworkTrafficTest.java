// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import static io.github.wintun4j.mock.MockDriverLifecycleTest.quietDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The packet rules of reference section 4, the queue of sent packets and the counters. */
class MockNetworkTrafficTest {

    private static final int CAPACITY = WintunConstants.MIN_RING_CAPACITY;

    private final MockDriver driver = quietDriver();
    private final Adapter adapter = driver.createAdapter("Demo", "Example", null);
    private final MockNetwork network = driver.network(adapter);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void exactly87PacketsOf1500BytesFitTheSmallestRing() {
        network.clearResponders();
        try (Session session = adapter.startSession(CAPACITY)) {
            List<Packet> allocated = new ArrayList<>();
            Packet packet;
            while ((packet = session.allocateSendPacket(1500)) != null) {
                allocated.add(packet);
            }
            assertThat(allocated).hasSize(87);
            // 0x20000 - 4 - 87 * 1504 = 220 bytes are left: one record of at most 216 bytes.
            assertThat(session.allocateSendPacket(217)).isNull();
            assertThat(session.allocateSendPacket(216)).isNotNull();
            assertThat(session.allocateSendPacket(1)).isNull();
        }
    }

    @Test
    void nonIpPacketsAreDroppedAndCountedAndIpPacketsPassUnchecked() {
        try (Session session = adapter.startSession(CAPACITY)) {
            byte[] v4Short = frame(0x45, 19);
            byte[] v6Short = frame(0x60, 39);
            byte[] version5 = frame(0x50, 60);
            byte[] v4Smallest = frame(0x45, 20);
            byte[] v6Smallest = frame(0x60, 40);
            byte[] v4With39 = frame(0x4F, 39);
            for (byte[] frame : List.of(v4Short, v4Smallest, v6Short, version5, v6Smallest, v4With39)) {
                send(session, frame);
            }
            assertThat(network.takeSent()).isEqualTo(v4Smallest);
            assertThat(network.takeSent()).isEqualTo(v6Smallest);
            assertThat(network.takeSent()).isEqualTo(v4With39);
            assertThat(network.takeSent()).isNull();
            assertThat(network.counters()).isEqualTo(new MockCounters(0, 0, 0, 3, 3));
        }
    }

    @Test
    void withoutRespondersTakeSentPullsStraightFromTheRing() throws InterruptedException {
        network.clearResponders();
        try (Session session = adapter.startSession(CAPACITY)) {
            send(session, frame(0x45, 20));
            send(session, frame(0x45, 21));
            assertThat(network.counters().sentPackets()).as("nothing happens on send").isZero();
            assertThat(network.takeSent(1, TimeUnit.SECONDS)).hasSize(20);
            int[] sizes = new int[2];
            assertThat(network.drainSent(packet -> sizes[0] = packet.remaining(), 10)).isEqualTo(1);
            assertThat(sizes[0]).isEqualTo(21);
            assertThat(network.takeSent(20, TimeUnit.MILLISECONDS)).isNull();
            assertThat(network.counters().sentPackets()).isEqualTo(2);
        }
    }

    @Test
    void aTakerWaitingOnTheRingWakesWhenThePacketIsSent() throws Exception {
        network.clearResponders();
        try (Session session = adapter.startSession(CAPACITY)) {
            CountDownLatch started = new CountDownLatch(1);
            byte[][] taken = new byte[1][];
            Thread taker = new Thread(() -> {
                started.countDown();
                try {
                    taken[0] = network.takeSent(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            taker.start();
            started.await();
            Thread.sleep(50);
            send(session, frame(0x60, 48));
            taker.join(2_000);
            assertThat(taker.isAlive()).isFalse();
            assertThat(taken[0]).hasSize(48);
        }
    }

    @Test
    void concurrentSendersAreTakenInRingOrder() throws Exception {
        try (Session session = adapter.startSession(WintunConstants.EXAMPLE_RING_CAPACITY)) {
            int perThread = 2_000;
            Thread[] senders = new Thread[4];
            for (int t = 0; t < senders.length; t++) {
                int id = t;
                senders[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        byte[] frame = frame(0x45, 24);
                        ByteBuffer.wrap(frame).putInt(16, id).putInt(20, i);
                        send(session, frame);
                    }
                });
                senders[t].start();
            }
            int[] next = new int[senders.length];
            int total = 0;
            while (total < senders.length * perThread) {
                byte[] packet = network.takeSent(5, TimeUnit.SECONDS);
                assertThat(packet).as("packet %d", total).isNotNull();
                ByteBuffer view = ByteBuffer.wrap(packet);
                int id = view.getInt(16);
                assertThat(view.getInt(20)).as("sender %d", id).isEqualTo(next[id]++);
                total++;
            }
            for (Thread sender : senders) {
                sender.join();
            }
        }
    }

    @Test
    void packetsLeftInTheSendRingWhenTheSessionEndsCanStillBeTaken() {
        network.clearResponders();
        Session session = adapter.startSession(CAPACITY);
        send(session, frame(0x45, 20));
        Packet unsent = session.allocateSendPacket(30);
        assertThat(unsent).isNotNull();
        session.close();
        assertThat(network.hasSession()).isFalse();
        assertThat(network.takeSent()).hasSize(20);
        assertThat(network.takeSent()).isNull();
    }

    @Test
    void closingAnUnsentPacketReleasesThoseSentAfterItToTheResponders() {
        network.clearResponders();
        network.addResponder((packet, net) -> List.of(frame(0x45, 20)));
        try (Session session = adapter.startSession(CAPACITY)) {
            Packet first = session.allocateSendPacket(20);
            Packet second = session.allocateSendPacket(20);
            second.buffer().put(0, (byte) 0x45);
            session.sendPacket(second);
            assertThat(network.counters().sentPackets()).as("held back by the first").isZero();
            first.close();
            assertThat(network.counters()).isEqualTo(new MockCounters(1, 0, 0, 1, 1));
            assertThat(session.receivePacket()).isNotNull();
        }
    }

    @Test
    void aBatchThatDoesNotFitIsDroppedWholeAndCounted() {
        try (Session session = adapter.startSession(CAPACITY)) {
            byte[][] tooBig = new byte[88][];
            for (int i = 0; i < tooBig.length; i++) {
                tooBig[i] = frame(0x45, 1500);
            }
            assertThat(network.deliver(tooBig)).isFalse();
            assertThat(network.counters()).isEqualTo(new MockCounters(0, 1, 88, 0, 0));
            assertThat(session.receivePacket()).as("nothing of it reached the ring").isNull();

            byte[][] fits = java.util.Arrays.copyOf(tooBig, 87);
            assertThat(network.deliver(fits)).isTrue();
            assertThat(network.deliver(frame(0x45, 217))).as("220 bytes left: too few for 217").isFalse();
            assertThat(network.counters()).isEqualTo(new MockCounters(87, 2, 89, 0, 0));
            assertThat(session.receiveEach(packet -> { }, 100)).isEqualTo(87);
        }
    }

    @Test
    void withoutASessionNothingIsDeliveredAndNothingCounted() {
        assertThat(network.hasSession()).isFalse();
        assertThat(network.deliver(frame(0x45, 20))).isFalse();
        assertThat(network.deliver(List.of(ByteBuffer.wrap(frame(0x45, 20))))).isFalse();
        assertThat(network.takeSent()).isNull();
        assertThat(network.counters()).isEqualTo(new MockCounters(0, 0, 0, 0, 0));
    }

    @Test
    void deliveredPacketsAreCopiesOfTheBuffersRemainingBytes() {
        try (Session session = adapter.startSession(CAPACITY)) {
            ByteBuffer source = ByteBuffer.wrap(frame(0x45, 40)).position(10);
            assertThat(network.deliver(List.of(source))).isTrue();
            assertThat(source.position()).isEqualTo(10);
            source.put(10, (byte) 0x7F);
            try (Packet packet = session.receivePacket()) {
                assertThat(packet.size()).isEqualTo(30);
                assertThat(packet.buffer().get(0)).isZero();
            }
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> network.deliver((byte[][]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("batch");
        assertThatThrownBy(() -> network.deliver(frame(0x45, 20), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("batch[1]");
        assertThatThrownBy(() -> network.deliver(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.deliver(new byte[65536])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.drainSent(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> network.drainSent(p -> { }, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.takeSent(-1, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.takeSent(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> network.addResponder(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MockNetworkSide.corruptReceiveRing(network)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResponderMayDeliverButMustNotTake() {
        List<Throwable> failures = new ArrayList<>();
        network.clearResponders();
        network.addResponder((packet, net) -> {
            try {
                net.takeSent();
            } catch (IllegalStateException e) {
                failures.add(e);
            }
            return List.of();
        });
        try (Session session = adapter.startSession(CAPACITY)) {
            send(session, frame(0x45, 20));
            assertThat(failures).hasSize(1);
            assertThat(network.takeSent()).as("unhandled, so queued").hasSize(20);
        }
    }

    /** A frame whose first byte is {@code first} and the rest zero. */
    static byte[] frame(int first, int size) {
        byte[] frame = new byte[size];
        frame[0] = (byte) first;
        return frame;
    }

    static void send(Session session, byte[] bytes) {
        Packet packet = session.allocateSendPacket(bytes.length);
        assertThat(packet).as("room in the send ring").isNotNull();
        packet.buffer().put(0, bytes);
        session.sendPacket(packet);
    }
}
