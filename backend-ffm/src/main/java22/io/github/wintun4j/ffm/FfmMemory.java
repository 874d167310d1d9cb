// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.NativeMemory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The DLL's packet memory through {@code java.lang.foreign}. Views are segments of a shared arena
 * per session: closing it revokes them all at once (an access afterwards throws
 * {@link IllegalStateException}), so a packet's buffer is the ring itself, without copying. Stateless.
 */
final class FfmMemory implements NativeMemory {

    static final FfmMemory INSTANCE = new FfmMemory();

    private FfmMemory() {
    }

    private static MemorySegment at(long address, long size) {
        return MemorySegment.ofAddress(address).reinterpret(size);
    }

    @Override
    public void copyToBuffer(long address, ByteBuffer target) {
        int size = target.remaining();
        MemorySegment.copy(at(address, size), 0, FfmDowncalls.segment(target), 0, size);
    }

    /** Any buffer: the copy send takes the application's, heap or direct, read-only or not. */
    @Override
    public void copyFromBuffer(ByteBuffer source, long address) {
        int size = source.remaining();
        MemorySegment.copy(MemorySegment.ofBuffer(source), 0, at(address, size), 0, size);
    }

    @Override
    public long addressOf(ByteBuffer direct) {
        return FfmDowncalls.segment(direct.duplicate().clear()).address();
    }

    @Override
    public void zero(long address, int size) {
        at(address, size).fill((byte) 0);
    }

    @Override
    public Optional<ViewScope> openViewScope() {
        return Optional.of(new Scope(Arena.ofShared()));
    }

    /** Views in one shared arena. */
    private static final class Scope implements ViewScope {
        private final Arena arena;

        Scope(Arena arena) {
            this.arena = arena;
        }

        @Override
        public ByteBuffer view(long address, int size, boolean readOnly) {
            ByteBuffer view = MemorySegment.ofAddress(address).reinterpret(size, arena, null).asByteBuffer();
            return readOnly ? view.asReadOnlyBuffer() : view;
        }

        @Override
        public void close() {
            arena.close();
        }
    }
}
