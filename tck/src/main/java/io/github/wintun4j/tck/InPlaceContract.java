// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.internal.Arguments;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static io.github.wintun4j.tck.WintunAssertions.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-place forms of receive and send ({@link Session#receiveEach(PacketHandler, int)},
 * {@link Session#sendCopy(ByteBuffer)} and the same on a {@link Receiver} and {@link Sender}):
 * the same packets, order and errors as the packet-object forms, with each received packet
 * released when its handler returns, whatever the handler does.
 */
public interface InPlaceContract extends WintunFixture {

    /** Collects copies of what a handler is given, and checks the view's shape on the way. */
    final class Copies implements PacketHandler {
        final List<byte[]> packets = new ArrayList<>();

        @Override
        public void handle(ByteBuffer packet) {
            assertThat(packet.isReadOnly()).as("a received packet's view is read-only").isTrue();
            assertThat(packet.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
            packets.add(copyOf(packet));
        }

        static byte[] copyOf(ByteBuffer packet) {
            byte[] copy = new byte[packet.remaining()];
            packet.get(packet.position(), copy);
            return copy;
        }
    }

    @Test
    default void receivedPacketsAreHandedOverInOrderUpToTheMaximum() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(i % 2 == 0 ? TestPackets.ipv4(20, i, 60 + i) : TestPackets.ipv6(20, i, 90 + i));
            }
            assertThat(network(adapter).deliver(batch)).isTrue();

            Copies copies = new Copies();
            assertThat(session.receiveEach(copies, 3)).isEqualTo(3);
            assertThat(session.receiveEach(copies, 0)).as("max 0 takes nothing").isZero();
            assertThat(session.receiveEach(copies, 10)).isEqualTo(2);
            assertThat(session.receiveEach(copies, 10)).as("an empty ring").isZero();
            assertThat(copies.packets).containsExactlyElementsOf(batch);
            assertThat(session.receivePacket()).as("every packet was consumed").isNull();
        }
    }

    @Test
    default void handedOverPacketsGiveTheirSpaceBack() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            // Three rounds of more than a third of the ring each: only released space lets them in.
            for (int round = 0; round < 3; round++) {
                List<byte[]> batch = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    batch.add(TestPackets.ipv4(round, i, 1500));
                }
                assertThat(Eventually.value("room for round " + round, () -> network.deliver(batch) ? true : null))
                        .isTrue();
                Copies copies = new Copies();
                assertThat(session.receiveEach(copies, 100)).isEqualTo(30);
                assertThat(copies.packets).containsExactlyElementsOf(batch);
            }
        }
    }

    @Test
    default void aHandlerThatThrowsConsumesItsPacketAndLeavesTheRest() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = List.of(TestPackets.ipv4(21, 0, 70), TestPackets.ipv4(21, 1, 70),
                    TestPackets.ipv4(21, 2, 70));
            assertThat(network(adapter).deliver(batch)).isTrue();
            List<byte[]> seen = new ArrayList<>();
            IllegalStateException failure = new IllegalStateException("handler failed");
            assertThatThrownBy(() -> session.receiveEach(packet -> {
                seen.add(Copies.copyOf(packet));
                if (seen.size() == 2) {
                    throw failure;
                }
            }, 10)).isSameAs(failure);
            assertThat(seen).containsExactlyElementsOf(batch.subList(0, 2));
            try (Packet next = session.receivePacket()) {
                assertThat(next).as("the packet after the failure is still there").isNotNull();
                assertThat(TestPackets.bytesOf(next.buffer())).isEqualTo(batch.get(2));
            }
            assertThat(session.receivePacket()).isNull();
        }
    }

    @Test
    default void aHandlerMayReceiveFromTheSameSessionAndNothingIsLostOrRepeated() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.add(TestPackets.ipv4(22, i, 80));
            }
            assertThat(network(adapter).deliver(batch)).isTrue();
            List<byte[]> seen = new ArrayList<>();
            List<Packet> held = new ArrayList<>();
            int handed = session.receiveEach(packet -> {
                byte[] own = Copies.copyOf(packet);
                seen.add(own);
                Packet next = session.receivePacket();          // takes the packet after this one
                if (next != null) {
                    seen.add(TestPackets.bytesOf(next.buffer()));
                    held.add(next);
                }
                if (seen.size() == 2) {
                    Copies inner = new Copies();
                    assertThat(session.receiveEach(inner, 1)).isEqualTo(1);   // and one more, in place
                    seen.addAll(inner.packets);
                }
                assertThat(Copies.copyOf(packet)).as("the outer view still shows its own packet").isEqualTo(own);
            }, 10);
            assertThat(seen).containsExactlyElementsOf(batch);
            assertThat(handed).isEqualTo(3);
            held.forEach(session::releaseReceivePacket);
            assertThat(session.receivePacket()).isNull();
        }
    }

    @Test
    default void aPacketHeldByTheApplicationDoesNotStopTheHandOver() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = List.of(TestPackets.ipv4(23, 0, 100), TestPackets.ipv4(23, 1, 100),
                    TestPackets.ipv4(23, 2, 100));
            assertThat(network(adapter).deliver(batch)).isTrue();
            Packet held = session.receivePacket();
            assertThat(held).isNotNull();
            Copies copies = new Copies();
            assertThat(session.receiveEach(copies, 10)).isEqualTo(2);
            assertThat(copies.packets).containsExactlyElementsOf(batch.subList(1, 3));
            assertThat(TestPackets.bytesOf(held.buffer())).as("the held packet is untouched").isEqualTo(batch.get(0));
            session.releaseReceivePacket(held);
        }
    }

    @Test
    default void errorsOfTheInPlaceReceiveAreThoseOfReceive() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            assertThatThrownBy(() -> session.receiveEach(null, 1)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("handler");
            assertThatThrownBy(() -> session.receiveEach(new Copies(), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");

            assertThat(network.deliver(List.of(TestPackets.ipv4(24, 0, 80)))).isTrue();
            network.corruptReceiveRing();
            Copies copies = new Copies();
            assertThat(session.receiveEach(copies, 10)).as("the packet before the corrupt record").isEqualTo(1);
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, () -> session.receiveEach(copies, 10));
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, () -> session.receiveEach(copies, 10));
            assertThat(copies.packets).hasSize(1);
        }
        Session closed = newSession(newAdapter());
        closed.close();
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> closed.receiveEach(new Copies(), 1));
    }

    @Test
    default void aHandlerThatClosesTheSessionEndsTheCall() {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(25, 0, 80), TestPackets.ipv4(25, 1, 80)))).isTrue();
        List<byte[]> seen = new ArrayList<>();
        int handed = session.receiveEach(packet -> {
            seen.add(Copies.copyOf(packet));
            session.close();
        }, 10);
        assertThat(handed).isEqualTo(1);
        assertThat(seen).hasSize(1);
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> session.receiveEach(new Copies(), 1));
    }

    @Test
    default void aCopySendReachesTheNetworkAndLeavesTheSourceAlone() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            byte[] packet = TestPackets.ipv4(26, 0, 120);
            ByteBuffer source = ByteBuffer.allocate(packet.length + 16);
            source.position(8);
            source.put(packet);
            source.flip().position(8);
            assertThat(session.sendCopy(source.asReadOnlyBuffer())).isTrue();
            assertThat(source.position()).isEqualTo(8);
            byte[] direct = TestPackets.ipv6(26, 1, 200);
            assertThat(session.sendCopy(ByteBuffer.allocateDirect(direct.length).put(direct).flip())).isTrue();
            assertThat(network.takeSent(5, TimeUnit.SECONDS)).isEqualTo(packet);
            assertThat(network.takeSent(5, TimeUnit.SECONDS)).isEqualTo(direct);
        }
    }

    @Test
    default void aCopySendKeepsAllocationOrderAndReportsAFullRing() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            List<Packet> allocated = new ArrayList<>();
            for (int i = 0; i < RingCapacityContract.PACKETS_OF_1500_IN_MIN_RING; i++) {
                Packet packet = session.allocateSendPacket(1500);
                assertThat(packet).isNotNull();
                packet.buffer().put(0, TestPackets.ipv4(27, i, 1500));
                allocated.add(packet);
            }
            ByteBuffer last = ByteBuffer.wrap(TestPackets.ipv4(27, allocated.size(), 1500));
            assertThat(session.sendCopy(last)).as("the ring is full").isFalse();
            assertThat(last.position()).isZero();
            allocated.forEach(session::sendPacket);
            for (int i = 0; i < allocated.size(); i++) {
                byte[] sent = network.takeSent(5, TimeUnit.SECONDS);
                assertThat(sent).as("packet %d on the network", i).isNotNull();
                assertThat(TestPackets.stampOf(sent)).isEqualTo(new PacketStamp(27, i));
            }
            // The driver may publish what it consumed a little after handing it on.
            assertThat(Eventually.value("room for the copy", () -> session.sendCopy(last) ? true : null)).isTrue();
            byte[] copied = network.takeSent(5, TimeUnit.SECONDS);
            assertThat(copied).as("the copy on the network").isNotNull();
            assertThat(TestPackets.stampOf(copied)).isEqualTo(new PacketStamp(27, allocated.size()));
        }
    }

    @Test
    default void aCopySendBehindAnUnsentPacketWaitsForIt() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            Packet first = session.allocateSendPacket(90);
            first.buffer().put(0, TestPackets.ipv4(28, 0, 90));
            assertThat(session.sendCopy(ByteBuffer.wrap(TestPackets.ipv4(28, 1, 90)))).isTrue();
            assertThat(network.takeSent(200, TimeUnit.MILLISECONDS)).as("held back by the unsent packet").isNull();
            session.sendPacket(first);
            assertThat(TestPackets.stampOf(network.takeSent(5, TimeUnit.SECONDS))).isEqualTo(new PacketStamp(28, 0));
            assertThat(TestPackets.stampOf(network.takeSent(5, TimeUnit.SECONDS))).isEqualTo(new PacketStamp(28, 1));
        }
    }

    @Test
    default void errorsOfTheCopySendAreThoseOfAllocate() {
        try (Session session = newSession(newAdapter())) {
            assertThatThrownBy(() -> session.sendCopy(null)).isInstanceOf(NullPointerException.class);
            for (int size : new int[] {0, WintunConstants.MAX_IP_PACKET_SIZE + 1}) {
                assertThatThrownBy(() -> session.sendCopy(ByteBuffer.allocate(size)))
                        .as("sendCopy of %d bytes", size)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(messageOf(() -> Arguments.requirePacketSize(size)));
            }
        }
        Session closed = newSession(newAdapter());
        closed.close();
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF,
                () -> closed.sendCopy(ByteBuffer.wrap(TestPackets.ipv4(29, 0, 60))));
    }

    @Test
    default void aClaimedSideOffersTheSameInPlaceCallsToItsThreadOnly() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter);
             Receiver receiver = session.claimReceiver();
             Sender sender = session.claimSender()) {
            List<byte[]> batch = List.of(TestPackets.ipv4(30, 0, 64), TestPackets.ipv4(30, 1, 64));
            assertThat(network.deliver(batch)).isTrue();
            Copies copies = new Copies();
            assertThat(receiver.receiveEach(copies, 10)).isEqualTo(2);
            assertThat(copies.packets).containsExactlyElementsOf(batch);
            assertThat(sender.sendCopy(ByteBuffer.wrap(TestPackets.ipv4(30, 2, 64)))).isTrue();
            assertThat(TestPackets.stampOf(network.takeSent(5, TimeUnit.SECONDS))).isEqualTo(new PacketStamp(30, 2));

            List<BackgroundCall<?>> intruders = List.of(
                    BackgroundCall.start("in-place-receive", () -> receiver.receiveEach(new Copies(), 1)),
                    BackgroundCall.start("session-in-place-receive", () -> session.receiveEach(new Copies(), 1)),
                    BackgroundCall.start("copy-send", () -> sender.sendCopy(ByteBuffer.wrap(TestPackets.ipv4(30, 3, 64)))),
                    BackgroundCall.start("session-copy-send",
                            () -> session.sendCopy(ByteBuffer.wrap(TestPackets.ipv4(30, 4, 64)))));
            for (BackgroundCall<?> intruder : intruders) {
                assertThat(intruder.thrown(ClaimContract.CALL_LIMIT)).isInstanceOf(IllegalStateException.class)
                        .hasMessage(ClaimContract.claimedBy(Thread.currentThread()));
            }
        }
    }

    @Test
    default void aHandlerThatClosesItsReceiverEndsTheCallAndGivesTheSideBack() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = List.of(TestPackets.ipv4(31, 0, 64), TestPackets.ipv4(31, 1, 64));
            assertThat(network(adapter).deliver(batch)).isTrue();
            Receiver receiver = session.claimReceiver();
            Copies copies = new Copies();
            List<Throwable> claimsDuringTheCall = new java.util.ArrayList<>();
            int handed = receiver.receiveEach(packet -> {
                copies.handle(packet);
                receiver.close();
                try {
                    claimsDuringTheCall.add(BackgroundCall.start("claim", session::claimReceiver)
                            .thrown(ClaimContract.CALL_LIMIT));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }, 10);
            assertThat(handed).isEqualTo(1);
            assertThat(claimsDuringTheCall).as("the side is given back when the call returns").singleElement()
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> receiver.receiveEach(new Copies(), 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            try (Receiver again = session.claimReceiver()) {
                assertThat(again.receiveEach(copies, 10)).as("the side can be claimed again").isEqualTo(1);
            }
            assertThat(copies.packets).containsExactlyElementsOf(batch);
        }
    }

    @Test
    default void aClaimWaitsWhileAHandlerRunsOnTheSharedPath() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(33, 0, 64)))).isTrue();
            CountDownLatch inHandler = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            BackgroundCall<Integer> receiving = BackgroundCall.start("in-place-receive", () ->
                    session.receiveEach(packet -> {
                        inHandler.countDown();
                        try {
                            letGo.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, 1));
            assertThat(inHandler.await(5, TimeUnit.SECONDS)).isTrue();
            BackgroundCall<Boolean> claiming = BackgroundCall.start("claim", () -> {
                try (Receiver receiver = session.claimReceiver()) {
                    return receiver != null;
                }
            });
            // The session's receive side is held for the whole call: the claim waits for it.
            assertThat(claiming.await(Duration.ofMillis(200))).as("claimed while a handler runs").isFalse();
            letGo.countDown();
            assertThat(receiving.value(ClaimContract.CALL_LIMIT)).isEqualTo(1);
            assertThat(claiming.value(ClaimContract.CALL_LIMIT)).isTrue();
            assertThat(session.receivePacket()).isNull();
        }
    }

    @Test
    default void theHandedOverViewCannotBeWrittenAndItsShapeIsTheHandlersAlone() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = List.of(TestPackets.ipv4(32, 0, 100), TestPackets.ipv4(32, 1, 100));
            assertThat(network(adapter).deliver(batch)).isTrue();
            Copies copies = new Copies();   // checks read-only and big-endian for every packet
            session.receiveEach(packet -> {
                copies.handle(packet);
                assertThatThrownBy(() -> packet.put(packet.position(), (byte) 0))
                        .isInstanceOf(ReadOnlyBufferException.class);
                // Moving the view around must not disturb the next packet's view.
                packet.order(ByteOrder.LITTLE_ENDIAN).mark();
                packet.position(packet.limit());
            }, 10);
            assertThat(copies.packets).containsExactlyElementsOf(batch);
        }
    }
}
