// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.internal.Arguments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static io.github.wintun4j.tck.WintunAssertions.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting and ending sessions: the capacity rule (a power of two in [0x20000, 0x4000000]), one
 * session per adapter ({@code ERROR_ALREADY_INITIALIZED}), and close ({@link Session} Javadoc;
 * reference section 3).
 */
public interface SessionLifecycleContract extends WintunFixture {

    @Test
    default void everyPowerOfTwoCapacityInRangeIsAcceptedAndReported() {
        Adapter adapter = newAdapter();
        for (int capacity : new int[] {WintunConstants.MIN_RING_CAPACITY, 0x40000, WintunConstants.EXAMPLE_RING_CAPACITY,
                WintunConstants.MAX_RING_CAPACITY}) {
            try (Session session = newSession(adapter, capacity)) {
                assertThat(session.capacity()).isEqualTo(capacity);
                assertThat(session.isOpen()).isTrue();
            }
        }
    }

    @Test
    default void aCapacityOutOfRangeOrNotAPowerOfTwoIsAnIllegalArgument() {
        Adapter adapter = newAdapter();
        int[] invalid = {0x1FFFF, 0x20001, 0x30000, 0x8000000, 0x10000, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (int capacity : invalid) {
            assertThatThrownBy(() -> adapter.startSession(capacity))
                    .as("startSession(0x%x)", capacity)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(() -> Arguments.requireRingCapacity(capacity)));
        }
        try (Session session = newSession(adapter)) {
            assertThat(session.isOpen()).as("a refused capacity leaves no session behind").isTrue();
        }
    }

    @Test
    default void aSecondSessionFailsWithAlreadyInitializedAndANewOneStartsAfterClose() {
        Adapter adapter = newAdapter();
        for (int round = 0; round < 3; round++) {
            try (Session session = newSession(adapter)) {
                assertThat(session.isOpen()).isTrue();
                assertWintunError(WintunErrors.ERROR_ALREADY_INITIALIZED, () -> adapter.startSession(MIN_CAPACITY));
                assertThat(session.isOpen()).as("the refused start leaves the running session alone").isTrue();
            }
        }
    }

    @Test
    default void closeIsIdempotentAndCapacityStillAnswers() {
        Session session = newSession(newAdapter(), 0x40000);
        assertThatCode(() -> {
            session.close();
            session.close();
        }).doesNotThrowAnyException();
        assertThat(session.isOpen()).isFalse();
        assertThat(session.capacity()).isEqualTo(0x40000);
    }

    @Test
    default void sessionsOfTwoAdaptersAreIndependent() throws InterruptedException {
        Adapter first = newAdapter();
        Adapter second = newAdapter();
        Session one = newSession(first);
        try (Session two = newSession(second)) {
            assertThat(network(first).deliver(List.of(TestPackets.ipv4(1, 1, 100)))).isTrue();
            assertThat(two.receivePacket()).as("the other adapter's session sees nothing").isNull();
            try (Packet packet = one.receivePacket()) {
                assertThat(packet).isNotNull();
                assertThat(TestPackets.stampOf(packet.buffer())).isEqualTo(new PacketStamp(1, 1));
            }
            one.close();
            assertThat(two.isOpen()).as("closing one session leaves the other").isTrue();
            Packet sent = two.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
            assertThat(sent).isNotNull();
            sent.buffer().put(0, TestPackets.ipv4(2, 2, TestPackets.MIN_STAMPED_IPV4));
            two.sendPacket(sent);
            byte[] taken = network(second).takeSent(5, TimeUnit.SECONDS);
            assertThat(taken).isNotNull();
            assertThat(TestPackets.stampOf(taken)).isEqualTo(new PacketStamp(2, 2));
            assertThat(network(first).takeSent(50, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            one.close();
        }
    }
}
