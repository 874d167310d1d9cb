// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Use after close, each a clear exception and never a hang or a crash: after a session closes,
 * receive, allocate, send and release end with {@code ERROR_HANDLE_EOF} and its packets throw
 * {@link IllegalStateException}; after an adapter closes, everything but its accessors throws
 * {@link IllegalStateException} (the driver's close is in {@link DriverLifecycleContract}).
 */
public interface UseAfterCloseContract extends WintunFixture {

    @Test
    default void afterSessionCloseEveryRingOperationEndsWithEndOfFile() {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(60, 0, 64)))).isTrue();
        Packet received = session.receivePacket();
        Packet allocated = session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4);
        assertThat(received).isNotNull();
        assertThat(allocated).isNotNull();

        session.close();

        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("receivePacket()", session::receivePacket);
        calls.put("receivePacket(timeout)", () -> session.receivePacket(1, TimeUnit.SECONDS));
        calls.put("receiveEach", () -> session.receiveEach(packet -> { }, 2));
        calls.put("sendCopy", () -> session.sendCopy(java.nio.ByteBuffer.wrap(TestPackets.ipv4(1, 0, 64))));
        calls.put("allocateSendPacket", () -> session.allocateSendPacket(64));
        calls.put("sendPacket", () -> session.sendPacket(allocated));
        calls.put("releaseReceivePacket", () -> session.releaseReceivePacket(received));
        calls.forEach((method, call) -> assertThat(assertWintunError(WintunErrors.ERROR_HANDLE_EOF, call).isEndOfFile())
                .as(method).isTrue());
        assertThat(session.isOpen()).isFalse();
        assertThat(session.capacity()).isEqualTo(MIN_CAPACITY);
    }

    @Test
    default void afterSessionCloseItsPacketsAreUnusableAndCloseQuietly() {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(61, 0, 64)))).isTrue();
        Packet received = session.receivePacket();
        Packet allocated = session.allocateSendPacket(100);

        session.close();

        for (Packet packet : new Packet[] {received, allocated}) {
            assertThat(packet.isUsable()).isFalse();
            assertThatThrownBy(packet::buffer)
                    .as("buffer() of a %s packet after session close", packet.isReceived() ? "received" : "allocated")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThatCode(() -> {
                packet.close();
                packet.close();
            }).doesNotThrowAnyException();
        }
        assertThat(received.size()).isEqualTo(64);
        assertThat(received.isReceived()).isTrue();
        assertThat(allocated.size()).isEqualTo(100);
        assertThat(allocated.isReceived()).isFalse();
    }

    @Test
    default void afterAdapterCloseEveryMethodButTheAccessorsThrowsIllegalState() throws Exception {
        Adapter adapter = newAdapter();
        InetAddress address = InetAddress.getByName("10.77.60.1");
        adapter.addAddress(address, 24);
        adapter.close();

        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("startSession", () -> adapter.startSession(MIN_CAPACITY));
        calls.put("addAddress", () -> adapter.addAddress(InetAddress.getByName("10.77.60.2"), 24));
        calls.put("removeAddress", () -> adapter.removeAddress(address, 24));
        calls.put("mtu", adapter::mtu);
        calls.put("setMtu", () -> adapter.setMtu(1500));
        calls.forEach((method, call) -> assertThatThrownBy(call)
                .as("%s after adapter close", method)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed"));
        assertThat(adapter.isOpen()).isFalse();
        assertThat(adapter.name()).isNotBlank();
        assertThat(adapter.guid()).isNotNull();
        assertThat(adapter.luid()).isNotZero();
        assertThat(adapter.tunnelType()).isEqualTo(TUNNEL_TYPE);
    }

    @Test
    default void anOpenedHandleClosedLeavesTheCreatedOneWorking() {
        Adapter created = newAdapter();
        Adapter opened = openAdapter(created.name());
        opened.close();
        assertThatThrownBy(() -> opened.startSession(MIN_CAPACITY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        created.setMtu(1400);
        assertThat(created.mtu()).isEqualTo(1400);
    }

    @Test
    default void afterDriverCloseTheAdaptersOfTheDriverThrowIllegalState() {
        Adapter adapter = newAdapter();
        driver().close();
        assertThatThrownBy(() -> adapter.startSession(MIN_CAPACITY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(adapter::mtu)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatCode(adapter::close).doesNotThrowAnyException();
    }
}
