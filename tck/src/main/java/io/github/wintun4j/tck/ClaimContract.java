package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Claimed sides ({@link Session#claimReceiver()}, {@link Session#claimSender()}): the same packets
 * and rules as the session's own methods, for the claiming thread only; everybody else is kept
 * out with a clear error until the claim is given back.
 */
public interface ClaimContract extends WintunFixture {

    /** How long a call on another thread may take to fail. */
    Duration CALL_LIMIT = Duration.ofSeconds(5);

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
            Packet[] rest = new Packet[4];
            assertThat(receiver.receivePackets(rest)).isEqualTo(1);
            assertThat(TestPackets.stampOf(first.buffer()).seq()).isZero();
            assertThat(TestPackets.stampOf(rest[0].buffer()).seq()).isEqualTo(1);
            receiver.releaseReceivePacket(rest[0]);
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
                    .hasMessageContaining("claimed");
            assertThatThrownBy(session::claimSender).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("claimed");
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
                        .hasMessageContaining("claimed");
            }
            assertThat(held.isUsable()).as("an intruder's release changes nothing").isTrue();
            receiver.releaseReceivePacket(held);
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
