// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An array of {@code struct pollfd} (poll.h, 8 bytes each: {@code int fd} at 0, {@code short events}
 * at 4, {@code short revents} at 6) in a direct buffer. Not thread-safe: one poller owns it.
 */
public final class PollFds {

    /** {@code sizeof(struct pollfd)}. */
    public static final int SIZE = 8;

    private final ByteBuffer buffer;
    private final int count;

    /** @param count how many entries */
    public PollFds(int count) {
        this.count = count;
        this.buffer = ByteBuffer.allocateDirect(count * SIZE).order(ByteOrder.nativeOrder());
    }

    /**
     * @param index  the entry
     * @param fd     the descriptor to watch
     * @param events the {@code POLL*} events wanted
     */
    public PollFds set(int index, int fd, short events) {
        buffer.putInt(index * SIZE, fd);
        buffer.putShort(index * SIZE + 4, events);
        buffer.putShort(index * SIZE + 6, (short) 0);
        return this;
    }

    /** @return the events the kernel reported for the entry after {@code poll} */
    public short revents(int index) {
        return buffer.getShort(index * SIZE + 6);
    }

    /** Clears every entry's reported events before the next {@code poll}. */
    public void clearRevents() {
        for (int i = 0; i < count; i++) {
            buffer.putShort(i * SIZE + 6, (short) 0);
        }
    }

    /** @return how many entries */
    public int count() {
        return count;
    }

    /** @return the array, position 0, for {@code poll} */
    public ByteBuffer buffer() {
        return buffer.clear();
    }
}
