// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import org.junit.jupiter.api.Test;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Claimed sides ({@link Session#claimReceiver()}, {@link Session#claimSender()}): the same packets
 * and rules as the session's own methods, for the claiming thread only. While a side is claimed,
 * the claimed handle is the only way to it: the session's own methods of that side fail with one
 * message ({@link #claimedBy(Thread)}) on every thread, the claimant's included, and so does a
 * second claim or a call of the handle on another thread; closing the handle on another thread is
 * an error naming the claimant.
 */
public interface ClaimContract extends WintunFixture {

    /** How long a call on another thread may take to fail. */
    Duration CALL_LIMIT = Duration.ofSeconds(5);

    /**
     * The one message, on every backend, of a call refused because a side is claimed.
     *
     * @param claimant the claiming thread
     * @return the message
     */
    static String claimedBy(Thread claimant) {
        return "this side of the session is claimed by thread \"" + claimant.getName() + "\": until that claim is"
                + " closed, only its Receiver or Sender, on that thread, may use it";
    }

    @Test
    default void aReceiverAndASenderMovePacketsLikeTheSession() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter);
             Receiver receiver = session.claimReceiver();
             Sender sender = session.claimSender()) {
            assertThat(network.deliver(List.of(TestPackets.ipv4(1, 0, 100), TestPackets.ipv4(1, 1, 100)))).isTrue();
            Packet first = receiver.receivePacket(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            Packet second = receiver.receivePacket();
            assertThat(second).isNotNull();
            assertThat(TestPackets.stampOf(first.buffer()).seq()).isZero();
            assertThat(TestPackets.stampOf(second.buffer()).seq()).isEqualTo(1);
            receiver.releaseReceivePacket(second);
            first.close();
            assertThat(receiver.receivePacket()).isNull();

            Packet out = sender.allocateSendPacket(80);
            out.buffer().put(TestPackets.ipv4(2, 7, 80));
            sender.sendPacket(out);
            byte[] sent = network.takeSent(5, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            assertThat(TestPackets.stampOf(sent).seq()).isEqualTo(7);
        }
    }

    @Test
    default void aSecondClaimOfTheSameSideIsRefused() {
        try (Session session = newSession(newAdapter());
             Receiver receiver = session.claimReceiver();
             Sender sender = session.claimSender()) {
            assertThatThrownBy(session::claimReceiver).isInstanceOf(IllegalStateException.class)
                    .hasMessage(claimedBy(Thread.currentThread()));
            assertThatThrownBy(session::claimSender).isInstanceOf(IllegalStateException.class)
                    .hasMessage(claimedBy(Thread.currentThread()));
            assertThat(receiver).isNotNull();
            assertThat(sender).isNotNull();
        }
    }

    @Test
    default void otherThreadsAreKeptOutWhileASideIsClaimed() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter);
             Receiver receiver = session.claimReceiver();
             Sender sender = session.claimSender()) {
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(1, 0, 60)))).isTrue();
            Packet held = receiver.receivePacket(5, TimeUnit.SECONDS);
            assertThat(held).isNotNull();

            List<BackgroundCall<?>> intruders = List.of(
                    BackgroundCall.start("receive", session::receivePacket),
                    BackgroundCall.start("claimed-receive", receiver::receivePacket),
                    BackgroundCall.start("release", () -> {
                        receiver.releaseReceivePacket(held);
                        return null;
                    }),
                    BackgroundCall.start("allocate", () -> session.allocateSendPacket(60)),
                    BackgroundCall.start("claimed-allocate", () -> sender.allocateSendPacket(60)));
            for (BackgroundCall<?> intruder : intruders) {
                assertThat(intruder.thrown(CALL_LIMIT)).isInstanceOf(IllegalStateException.class)
                        .hasMessage(claimedBy(Thread.currentThread()));
            }
            assertThat(held.isUsable()).as("an intruder's release changes nothing").isTrue();
            receiver.releaseReceivePacket(held);
        }
    }

    @Test
    default void theSessionsOwnMethodsRefuseTheClaimantToo() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(3, 0, 60)))).isTrue();
            Packet held = session.receivePacket(5, TimeUnit.SECONDS);
            Packet unsent = session.allocateSendPacket(60);
            assertThat(held).isNotNull();
            assertThat(unsent).isNotNull();
            try (Receiver receiver = session.claimReceiver(); Sender sender = session.claimSender()) {
                String expected = claimedBy(Thread.currentThread());
                List<ThrowingCallable> ownCalls = List.of(
                        session::receivePacket,
                        () -> session.receivePacket(1, TimeUnit.SECONDS),
                        () -> session.receiveEach(packet -> { }, 1),
                        () -> session.releaseReceivePacket(held),
                        () -> session.allocateSendPacket(60),
                        () -> session.sendPacket(unsent),
                        () -> session.sendCopy(ByteBuffer.wrap(TestPackets.ipv4(3, 1, 60))));
                for (ThrowingCallable call : ownCalls) {
                    assertThatThrownBy(call).isInstanceOf(IllegalStateException.class).hasMessage(expected);
                }
                assertThat(held.isUsable()).as("a refused release changes nothing").isTrue();
                assertThat(unsent.isUsable()).as("a refused send changes nothing").isTrue();
                assertThat(session.awaitReadable(0, TimeUnit.SECONDS)).as("awaitReadable is not refused").isFalse();
                assertThat(session.isOpen()).isTrue();
                // The claimed side's own spellings, and closing the packets, work on the claimant.
                receiver.releaseReceivePacket(held);
                unsent.buffer().put(TestPackets.ipv4(3, 2, 60));
                sender.sendPacket(unsent);
            }
            byte[] sent = network(adapter).takeSent(5, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            assertThat(TestPackets.stampOf(sent).seq()).isEqualTo(2);
            assertThat(session.receivePacket()).as("the side is the session's again").isNull();
        }
    }

    @Test
    default void closingAClaimOnAnotherThreadIsAnErrorNamingTheClaimant() throws InterruptedException {
        try (Session session = newSession(newAdapter());
             Receiver receiver = session.claimReceiver();
             Sender sender = session.claimSender()) {
            String owner = "thread \"" + Thread.currentThread().getName() + "\"";
            assertThat(BackgroundCall.start("close-receiver", () -> {
                receiver.close();
                return null;
            }).thrown(CALL_LIMIT)).isInstanceOf(IllegalStateException.class).hasMessageContaining(owner)
                    .hasMessageContaining("only that thread may close it");
            assertThat(BackgroundCall.start("close-sender", () -> {
                sender.close();
                return null;
            }).thrown(CALL_LIMIT)).isInstanceOf(IllegalStateException.class).hasMessageContaining(owner)
                    .hasMessageContaining("only that thread may close it");
            assertThat(receiver.receivePacket()).as("the receiver is still open").isNull();
            assertThat(sender.allocateSendPacket(40)).as("the sender is still open").isNotNull().satisfies(Packet::close);
            assertThatThrownBy(session::receivePacket).as("the side is still claimed")
                    .isInstanceOf(IllegalStateException.class).hasMessage(claimedBy(Thread.currentThread()));
        }
    }

    @Test
    default void aSideCannotBeClaimedFromAHandlerOfTheSessionsInPlaceReceive() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(4, 0, 60)))).isTrue();
            List<Throwable> thrown = new java.util.ArrayList<>();
            assertThat(session.receiveEach(packet -> {
                try {
                    session.claimReceiver().close();
                } catch (IllegalStateException e) {
                    thrown.add(e);
                }
            }, 1)).isEqualTo(1);
            assertThat(thrown).singleElement().isInstanceOf(IllegalStateException.class)
                    .extracting(Throwable::getMessage).asString().contains("from inside a call of the session's own methods");
            assertThat(session.receivePacket()).as("the side is still the session's").isNull();
        }
    }

    @Test
    default void closingAClaimGivesTheSideBackAndKeepsItsPacketsUsable() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(1, 0, 60)))).isTrue();
            Packet held;
            Packet unsent;
            try (Receiver receiver = session.claimReceiver(); Sender sender = session.claimSender()) {
                held = receiver.receivePacket(5, TimeUnit.SECONDS);
                unsent = sender.allocateSendPacket(60);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(held).isNotNull();
            assertThat(unsent).isNotNull();
            unsent.buffer().put(TestPackets.ipv4(2, 3, 60));
            session.sendPacket(unsent);
            session.releaseReceivePacket(held);
            assertThat(session.receivePacket()).isNull();
            try (Receiver again = session.claimReceiver()) {
                assertThat(again.receivePacket()).isNull();
            }
        }
    }

    @Test
    default void aClosedClaimRefusesEveryCall() {
        try (Session session = newSession(newAdapter())) {
            Receiver receiver = session.claimReceiver();
            Sender sender = session.claimSender();
            receiver.close();
            sender.close();
            receiver.close();
            assertThatThrownBy(receiver::receivePacket).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> sender.allocateSendPacket(40)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    default void aClaimEndsWithTheSession() {
        Session session = newSession(newAdapter());
        Receiver receiver = session.claimReceiver();
        Sender sender = session.claimSender();
        session.close();
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, receiver::receivePacket);
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> sender.allocateSendPacket(40));
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::claimReceiver);
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::claimSender);
        receiver.close();
        sender.close();
    }
}
