// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.windows.sys.NativeMemory;
import io.github.wintun4j.windows.sys.NativeMemory.ViewScope;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a session's packets show their bytes without ever letting Java touch a ring that the DLL has
 * freed ({@code WintunEndSession} frees both rings while the application may still hold a
 * {@code ByteBuffer}).
 *
 * <ul>
 *   <li>{@link Views}: where the binding can revoke views (FFM: a shared arena), a packet's buffer is
 *       a view of the ring itself, without copying; closing the session revokes every view before the
 *       rings are freed, so a stale buffer throws {@link IllegalStateException}.</li>
 *   <li>{@link Copies}: where it cannot (JNA on Java 17: a {@code ByteBuffer} over native memory
 *       cannot be revoked, and one over freed memory crashes the JVM), a packet's buffer is memory Java
 *       owns: a received packet is copied in when it is received, an allocated one is copied to the ring
 *       when it is sent. Each direction has one such area as large as the ring, used at the same offsets
 *       the ring uses (the cumulative record sizes), so packets the ring holds at once never overlap in
 *       it. A stale buffer shows undefined bytes, never freed memory.</li>
 * </ul>
 * Called under the session's locks as noted; thread-safe otherwise.
 */
abstract class PacketMemory {

    static PacketMemory of(NativeMemory memory, int capacity) {
        return memory.openViewScope().<PacketMemory>map(Views::new).orElseGet(() -> new Copies(memory, capacity));
    }

    /** A packet was received; called on the receive side (under its lock or by its claimant), in ring order. */
    abstract void received(WindowsPacket packet);

    /**
     * A packet is handed over in place ({@code receiveEach}); called on the receive side, in ring
     * order, as {@link #received}.
     *
     * @return a read-only, big-endian view of its bytes (position 0, limit {@code size}), valid until
     *         the packet is released
     */
    abstract ByteBuffer receivedView(long address, int size);

    /** A record of an impossible size was dropped; called on the receive side, in ring order. */
    abstract void skipped(int size);

    /** A packet was allocated; called on the send side (under its lock or by its claimant), in allocation order. */
    abstract void allocated(WindowsPacket packet);

    /** The packet is about to be sent. */
    abstract void beforeSend(WindowsPacket packet);

    /** @return the packet's buffer: direct, big-endian, exactly its size; read-only when received */
    abstract ByteBuffer view(WindowsPacket packet);

    /** The session is closing, no call is in flight, and the rings are about to be freed. */
    abstract void close();

    /** Views of the ring, revoked at close. */
    static final class Views extends PacketMemory {
        private final ViewScope scope;

        Views(ViewScope scope) {
            this.scope = scope;
        }

        @Override
        void received(WindowsPacket packet) {
        }

        @Override
        ByteBuffer receivedView(long address, int size) {
            return scope.view(address, size, true);
        }

        @Override
        void skipped(int size) {
        }

        @Override
        void allocated(WindowsPacket packet) {
        }

        @Override
        void beforeSend(WindowsPacket packet) {
        }

        @Override
        ByteBuffer view(WindowsPacket packet) {
            return scope.view(packet.address, packet.size(), packet.isReceived());
        }

        @Override
        void close() {
            // Fails while a view is held by an operation in progress (a channel write, say): retry.
            while (true) {
                try {
                    scope.close();
                    return;
                } catch (IllegalStateException busy) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
            }
        }
    }

    /** Copies in memory Java owns, at the ring's own offsets. */
    static final class Copies extends PacketMemory {
        private final NativeMemory memory;
        private final int capacity;
        private ByteBuffer receiveArea;
        private int receiveOffset;
        private ByteBuffer sendArea;
        private int sendOffset;

        Copies(NativeMemory memory, int capacity) {
            this.memory = memory;
            this.capacity = capacity;
        }

        private ByteBuffer newArea() {
            return ByteBuffer.allocateDirect(capacity + Ring.TRAILER_SIZE);
        }

        @Override
        void received(WindowsPacket packet) {
            packet.copy = copyIn(packet.address, packet.size());
        }

        @Override
        ByteBuffer receivedView(long address, int size) {
            return copyIn(address, size).asReadOnlyBuffer();
        }

        private ByteBuffer copyIn(long address, int size) {
            if (receiveArea == null) {
                receiveArea = newArea();
            }
            ByteBuffer slot = receiveArea.slice(receiveOffset, size);
            memory.copyToBuffer(address, slot);
            receiveOffset = (receiveOffset + Ring.recordSize(size)) & (capacity - 1);
            return slot;
        }

        @Override
        void skipped(int size) {
            if (size >= 0 && size <= WintunConstants.MAX_IP_PACKET_SIZE) {
                receiveOffset = (receiveOffset + Ring.recordSize(size)) & (capacity - 1);
            }
        }

        @Override
        void allocated(WindowsPacket packet) {
            if (sendArea == null) {
                sendArea = newArea();
            }
            packet.copy = sendArea.slice(sendOffset, packet.size());
            sendOffset = (sendOffset + Ring.recordSize(packet.size())) & (capacity - 1);
        }

        @Override
        void beforeSend(WindowsPacket packet) {
            memory.copyFromBuffer(packet.copy, packet.address);
        }

        @Override
        ByteBuffer view(WindowsPacket packet) {
            ByteBuffer view = packet.copy.duplicate().order(ByteOrder.BIG_ENDIAN);
            return packet.isReceived() ? view.asReadOnlyBuffer() : view;
        }

        @Override
        void close() {
        }
    }
}
