// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.internal.Arguments;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Programming errors in arguments: {@code null} is a {@link NullPointerException} naming the
 * parameter, a negative timeout an {@link IllegalArgumentException} with the message of the
 * shared check; neither disturbs the session.
 */
public interface ArgumentContract extends WintunFixture {

    @Test
    default void nullArgumentsOfTheSessionAreNullPointersNamingTheParameter() {
        try (Session session = newSession(newAdapter())) {
            assertNullPointer("packet", () -> session.releaseReceivePacket(null));
            assertNullPointer("packet", () -> session.sendPacket(null));
            assertNullPointer("handler", () -> session.receiveEach(null, 1));
            assertNullPointer("packet", () -> session.sendCopy(null));
            assertNullPointer("unit", () -> session.receivePacket(1, null));
            assertNullPointer("unit", () -> session.awaitReadable(1, null));
            assertThat(session.isOpen()).isTrue();
            assertThat(session.receivePacket()).isNull();
        }
    }

    @Test
    default void nullArgumentsOfTheAdapterAreNullPointers() {
        Adapter adapter = newAdapter();
        assertNullPointer("address", () -> adapter.addAddress(null, 24));
        assertNullPointer("address", () -> adapter.removeAddress(null, 24));
        assertThat(adapter.isOpen()).isTrue();
    }

    @Test
    default void aNegativeTimeoutIsAnIllegalArgument() {
        try (Session session = newSession(newAdapter())) {
            for (long timeout : new long[] {-1, Long.MIN_VALUE}) {
                String expected = messageOf(() -> Arguments.requireTimeoutNanos(timeout, TimeUnit.MILLISECONDS));
                assertThatThrownBy(() -> session.receivePacket(timeout, TimeUnit.MILLISECONDS))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(expected);
                assertThatThrownBy(() -> session.awaitReadable(timeout, TimeUnit.MILLISECONDS))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(expected);
            }
            assertThat(session.isOpen()).isTrue();
        }
    }

    @Test
    default void anEnormousTimeoutIsAcceptedAndAnswersAsSoonAsAPacketWaits() throws InterruptedException {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            assertThat(network(adapter).deliver(java.util.List.of(TestPackets.ipv4(80, 0, 64)))).isTrue();
            assertThat(session.awaitReadable(Long.MAX_VALUE, TimeUnit.DAYS)).isTrue();
            try (Packet packet = session.receivePacket(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
                assertThat(packet).isNotNull();
            }
        }
    }

    private static void assertNullPointer(String parameter, ThrowingCallable call) {
        assertThatThrownBy(call)
                .as("a null %s", parameter)
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining(parameter);
    }
}
