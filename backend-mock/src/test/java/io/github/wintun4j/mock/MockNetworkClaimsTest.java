// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import static io.github.wintun4j.mock.MockDriverLifecycleTest.quietDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.internal.ring.Ring;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The network side claimed by one thread: {@link MockInjector} and {@link MockCollector}. */
class MockNetworkClaimsTest {

    private static final int CAPACITY = WintunConstants.MIN_RING_CAPACITY;

    private final MockDriver driver = quietDriver();
    private final Adapter adapter = driver.createAdapter("Demo", "Example", null);
    private final MockNetwork network = driver.network(adapter);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void anInjectorDeliversAndCountsLikeDeliver() {
        try (Session session = adapter.startSession(CAPACITY); MockInjector injector = network.claimInbound()) {
            assertThat(injector.deliver(frame(0x45, 100))).isTrue();
            assertThat(injector.deliver(ByteBuffer.wrap(frame(0x45, 60)))).isTrue();
            Packet first = session.receivePacket();
            Packet second = session.receivePacket();
            assertThat(first.size()).isEqualTo(100);
            assertThat(second.size()).isEqualTo(60);
            first.close();
            second.close();

            int fitting = (CAPACITY - 4) / Ring.recordSize(1500);
            for (int i = 0; i < fitting; i++) {
                assertThat(injector.deliver(frame(0x45, 1500))).as("packet %d", i).isTrue();
            }
            assertThat(injector.deliver(frame(0x45, 1500))).as("the ring is full").isFalse();
            assertThat(network.counters().deliveredPackets()).isEqualTo(2 + fitting);
            assertThat(network.counters().droppedInboundBatches()).isEqualTo(1);
            assertThat(network.counters().droppedInboundPackets()).isEqualTo(1);
        }
    }

    @Test
    void whileClaimedOtherThreadsCannotDeliverAndTheClaimantCanStillCorruptTheRing() throws Exception {
        try (Session session = adapter.startSession(CAPACITY); MockInjector injector = network.claimInbound()) {
            assertThatThrownBy(network::claimInbound).isInstanceOf(IllegalStateException.class);
            assertThat(thrownOnAnotherThread(() -> injector.deliver(frame(0x45, 40))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("claimed");
            assertThat(thrownOnAnotherThread(() -> network.deliver(frame(0x45, 40))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("claimed");

            MockNetworkSide.corruptReceiveRing(network);
            assertThatThrownBy(session::receivePacket).isInstanceOf(WintunException.class)
                    .satisfies(e -> assertThat(((WintunException) e).errorCode()).isEqualTo(WintunErrors.ERROR_INVALID_DATA));
        }
    }

    @Test
    void closingAnInjectorGivesTheDirectionBack() {
        try (Session session = adapter.startSession(CAPACITY)) {
            MockInjector injector = network.claimInbound();
            injector.close();
            injector.close();
            assertThat(injector.deliver(frame(0x45, 40))).as("a closed injector delivers nothing").isFalse();
            assertThat(network.deliver(frame(0x45, 40))).isTrue();
            try (MockInjector again = network.claimInbound()) {
                assertThat(again.deliver(frame(0x45, 40))).isTrue();
            }
            assertThat(network.counters().deliveredPackets()).isEqualTo(2);
        }
    }

    @Test
    void aCollectorDrainsSentIpPacketsInOrderAndDropsTheRest() {
        try (Session session = adapter.startSession(CAPACITY); MockCollector collector = network.claimOutbound()) {
            send(session, frame(0x45, 30));
            send(session, frame(0x50, 30)); // version 5: not IP
            send(session, frame(0x60, 50));
            List<Integer> sizes = new ArrayList<>();
            assertThat(collector.drain(packet -> sizes.add(packet.remaining()), 10)).isEqualTo(2);
            assertThat(sizes).containsExactly(30, 50);
            assertThat(collector.drain(packet -> sizes.add(packet.remaining()), 10)).isZero();
            assertThat(network.counters().sentPackets()).isEqualTo(2);
            assertThat(network.counters().droppedNonIp()).isEqualTo(1);
            assertThatThrownBy(() -> collector.drain(null, 1)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> collector.drain(p -> { }, -1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void whileACollectorHoldsTheRingResponseAndTakersLeaveItAlone() throws Exception {
        try (Session session = adapter.startSession(CAPACITY)) {
            network.addResponder(MockResponders.icmpEcho());
            byte[] ping = EchoPacketBuilder.request().source(InetAddress.getByName("10.6.7.8"))
                    .destination(InetAddress.getByName("10.6.7.7")).toByteArray();
            send(session, ping);
            Packet reply = session.receivePacket();
            assertThat(reply).as("unclaimed, the responder answers").isNotNull();
            reply.close();

            MockCollector collector = network.claimOutbound();
            send(session, ping);
            assertThat(session.receivePacket()).as("claimed, no responder runs").isNull();
            assertThat(network.takeSent()).as("the ring is the collector's").isNull();
            assertThat(thrownOnAnotherThread(() -> collector.drain(p -> { }, 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("claimed");
            collector.close();
            assertThat(collector.drain(p -> { }, 1)).as("a closed collector drains nothing").isZero();
            assertThat(network.takeSent()).as("given back: the next take consumes the ring, answering the ping")
                    .isNull();
            Packet late = session.receivePacket();
            assertThat(late).as("the reply to the ping sent while claimed").isNotNull();
            late.close();
        }
    }

    @Test
    void claimsNeedARunningSession() {
        assertThatThrownBy(network::claimInbound).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no session");
        assertThatThrownBy(network::claimOutbound).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no session");
    }

    private static void send(Session session, byte[] bytes) {
        Packet packet = session.allocateSendPacket(bytes.length);
        packet.buffer().put(bytes);
        session.sendPacket(packet);
    }

    private static Throwable thrownOnAnotherThread(Runnable call) throws InterruptedException {
        try {
            CompletableFuture.runAsync(call).get(5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not end", e);
        }
    }

    /** A frame whose first byte is {@code firstByte} (the version nibble) and whose size is {@code size}. */
    private static byte[] frame(int firstByte, int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) firstByte;
        return bytes;
    }
}
