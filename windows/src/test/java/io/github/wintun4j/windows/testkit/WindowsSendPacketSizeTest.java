// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.windows.sys.LibraryLocation;
import io.github.wintun4j.windows.sys.Utf16;
import io.github.wintun4j.windows.sys.WindowsBinder;
import io.github.wintun4j.windows.sys.WintunLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The size a binding passes to {@code WintunAllocateSendPacket}. The DLL computes the aligned size in 32 bits
 * (WireGuard/wintun {@code api/session.c}: {@code TUN_ALIGN(sizeof(TUN_PACKET) + PacketSize)} in a {@code ULONG}),
 * so from 0xFFFFFFF9 on it wraps to a few bytes and the allocation succeeds, with a record that ends the ring
 * when sent. The simulator does the same arithmetic; the binding refuses every size over the largest ring
 * capacity before the call, with a clear error. Called on the raw binding, below the API (whose sizes never go
 * past 0xFFFF).
 */
public abstract class WindowsSendPacketSizeTest {

    private WintunLibrary wintun;
    private long adapter;
    private long session;

    /**
     * @return the binding under test, a new {@link WindowsBinder}; typed {@code Object} because a backend's test
     *         module cannot name {@code windows.sys} (exported to the backends' main modules only) in an override
     *         of this class-path type
     */
    protected abstract Object binder();

    @BeforeEach
    void open() throws Exception {
        SimHooks.bind();
        WindowsBinder binder = (WindowsBinder) binder();
        wintun = binder.wintun(binder.open(LibraryLocation.file(Simulator.path())), (level, timestamp, message) -> {
        });
        adapter = wintun.WintunCreateAdapter(Utf16.encode("sendsize" + ProcessHandle.current().pid() % 10000),
                Utf16.encode("Test"), null);
        assertThat(adapter).as("WintunCreateAdapter, error %d", wintun.lastError()).isNotZero();
        session = wintun.WintunStartSession(adapter, WintunConstants.MIN_RING_CAPACITY);
        assertThat(session).as("WintunStartSession, error %d", wintun.lastError()).isNotZero();
    }

    @AfterEach
    void close() {
        if (session != 0) {
            wintun.WintunEndSession(session);
        }
        if (adapter != 0) {
            wintun.WintunCloseAdapter(adapter);
        }
    }

    @Test
    void theDllWrapsTheAlignedSizeOfASizeFrom0xFFFFFFF9() {
        assertThat(SimHooks.WintunAllocateSendPacket(session, 0xFFFFFFF8)).as("0xFFFFFFF8: aligned 0xFFFFFFFC, too large")
                .isZero();
        assertThat(SimHooks.WintunAllocateSendPacket(session, 0xFFFFFFF9)).as("0xFFFFFFF9: aligned 0, allocated")
                .isNotZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFFFFFFF9, 0xFFFFFFFC, 0xFFFFFFFF, 0x80000000, WintunConstants.MAX_RING_CAPACITY + 1})
    void aSizeOverTheLargestRingIsRefusedBeforeTheCall(int size) {
        assertThatThrownBy(() -> wintun.WintunAllocateSendPacket(session, size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WintunAllocateSendPacket")
                .hasMessageContaining("0x" + Integer.toHexString(size))
                .hasMessageContaining(Integer.toUnsignedString(size));
        assertThatThrownBy(() -> wintun.WintunAllocateSendPacketError(session, size))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wintun.WintunAllocateSendPacketError(session, WintunConstants.MAX_RING_CAPACITY))
                .as("the largest size passes, and the ring is as it was: live and empty")
                .isEqualTo(WintunErrors.ERROR_BUFFER_OVERFLOW);
        long packet = wintun.WintunAllocateSendPacket(session, 20);
        assertThat(packet).isNotZero();
        wintun.WintunSendPacket(session, packet);
    }
}
