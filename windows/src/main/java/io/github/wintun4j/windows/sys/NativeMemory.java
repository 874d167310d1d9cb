// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Access to memory the DLL owns (the packets in its rings), by address. The caller guarantees the
 * memory is alive for the duration of each call; nothing here keeps it alive afterwards, which is
 * why a view is only ever handed out through a {@link ViewScope}. Thread-safe.
 */
public interface NativeMemory {

    /**
     * Copies {@code target.remaining()} bytes from {@code address} into {@code target} (position
     * and limit unchanged).
     */
    void copyToBuffer(long address, ByteBuffer target);

    /**
     * Copies {@code source.remaining()} bytes of {@code source} to {@code address} (position and limit
     * unchanged); {@code source} may be any buffer: heap or direct, read-only or not.
     */
    void copyFromBuffer(ByteBuffer source, long address);

    /**
     * @param direct a direct buffer
     * @return the address of its first byte (index 0), valid while the buffer is reachable
     */
    long addressOf(ByteBuffer direct);

    /** Writes {@code size} zero bytes at {@code address}. */
    void zero(long address, int size);

    /**
     * @return a new scope for views of native memory that it can revoke, or empty when this binding
     *         cannot revoke a view (then the Windows support copies packets into memory Java owns)
     */
    Optional<ViewScope> openViewScope();

    /**
     * Views of native memory that all become inaccessible at once: after {@link #close()}, every
     * access through a view throws {@link IllegalStateException} instead of touching the memory.
     * Thread-safe.
     */
    interface ViewScope extends AutoCloseable {

        /**
         * @param address  the first byte
         * @param size     the length
         * @param readOnly whether the view refuses writes
         * @return a direct, big-endian view of exactly {@code size} bytes, valid until {@link #close()}
         * @throws IllegalStateException when the scope is closed
         */
        ByteBuffer view(long address, int size, boolean readOnly);

        /**
         * Revokes every view. Waits for (or fails while) a view is in use by an operation that holds
         * it, such as a channel write: then throws {@link IllegalStateException}, and the caller retries.
         */
        @Override
        void close();
    }
}
