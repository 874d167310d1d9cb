// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the receive checks (reference section 3): end of session or adapter
 * ({@code ERROR_HANDLE_EOF}) first, winning over unread packets and over a corrupt record; then an
 * empty ring ({@code null}); then an impossible record ({@code ERROR_INVALID_DATA}), reported only
 * when the reader reaches it and repeated because the read position does not move.
 */
public interface ErrorOrderContract extends WintunFixture {

    @Test
    default void theAdapterGoingAwayWinsOverUnreadPackets() throws InterruptedException {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            assertThat(network.deliver(List.of(TestPackets.ipv4(20, 0, 64), TestPackets.ipv4(20, 1, 64)))).isTrue();
            network.removeAdapter();
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> session.receiveEach(packet -> { }, 4));
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> session.receivePacket(1, TimeUnit.SECONDS));
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    default void closingTheSessionWinsOverUnreadPackets() {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(21, 0, 64)))).isTrue();
        session.close();
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> session.receiveEach(packet -> { }, 4));
    }

    @Test
    default void theAdapterGoingAwayWinsOverACorruptRing() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            network.corruptReceiveRing();
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, session::receivePacket);
            network.removeAdapter();
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
            assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
        }
    }

    @Test
    default void closingTheSessionWinsOverACorruptRing() {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        network(adapter).corruptReceiveRing();
        session.close();
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
    }

    @Test
    default void aCorruptRecordIsReportedOnlyWhenReachedAndThenRepeats() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            assertThat(network.deliver(List.of(TestPackets.ipv4(22, 0, 64), TestPackets.ipv4(22, 1, 64)))).isTrue();
            network.corruptReceiveRing();
            for (int i = 0; i < 2; i++) {
                try (Packet packet = session.receivePacket()) {
                    assertThat(packet).as("packet %d before the corrupt record", i).isNotNull();
                    assertThat(TestPackets.stampOf(packet.buffer())).isEqualTo(new PacketStamp(22, i));
                }
            }
            for (int i = 0; i < 3; i++) {
                assertWintunError(WintunErrors.ERROR_INVALID_DATA, session::receivePacket);
            }
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, () -> session.receiveEach(packet -> { }, 2));
            assertThat(session.isOpen()).as("a corrupt ring does not end the session").isTrue();
        }
    }

    @Test
    @Timeout(10)
    default void aTimedReceiveReportsACorruptRingAtOnce() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            network(adapter).corruptReceiveRing();
            long start = System.nanoTime();
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, () -> session.receivePacket(5, TimeUnit.SECONDS));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("ms to report").isLessThan(1000);
        }
    }

    @Test
    default void anEmptyRingIsAnOrdinaryNullNeverAnError() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            for (int i = 0; i < 3; i++) {
                assertThat(session.receivePacket()).isNull();
            }
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(23, 0, 64)))).isTrue();
            try (Packet packet = session.receivePacket()) {
                assertThat(packet).isNotNull();
            }
            assertThat(session.receivePacket()).isNull();
        }
    }
}
