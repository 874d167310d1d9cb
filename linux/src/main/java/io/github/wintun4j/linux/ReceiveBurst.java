// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The packets that one turn of a session's receive thread reads from the TUN descriptor, so that
 * they go into the receive ring together: one publication, and at most one wake-up of the
 * application, per burst instead of per packet. The packets are read back to back into one
 * direct buffer and each is a view of it; the buffer and the views are made once, so reading
 * allocates nothing. As a {@code List}, the packets of the last {@link #fill}, each from position
 * to limit.
 *
 * <p>Not thread-safe: the receive thread's alone.
 */
final class ReceiveBurst extends AbstractList<ByteBuffer> implements RandomAccess {

    /** The most packets per burst: a burst also ends when the descriptor is empty. */
    static final int MAX_PACKETS = 64;
    /**
     * Room for a few packets of the largest size; every read is given room for the largest, because
     * a TUN read truncates a packet that does not fit. With 1500-byte packets this holds more than
     * {@link #MAX_PACKETS}.
     */
    private static final int BUFFER_BYTES = 4 * WintunConstants.MAX_IP_PACKET_SIZE;

    private final ByteBuffer[] packets = new ByteBuffer[MAX_PACKETS];
    private final int capacity;
    private int count;

    ReceiveBurst() {
        ByteBuffer memory = ByteBuffer.allocateDirect(BUFFER_BYTES);
        this.capacity = memory.capacity();
        for (int i = 0; i < MAX_PACKETS; i++) {
            packets[i] = memory.duplicate();
        }
    }

    /**
     * Reads packets until the descriptor is empty, the burst is full, or a read fails; replaces
     * the packets of the previous fill.
     *
     * @param sys the binding
     * @param fd  the TUN descriptor, non-blocking
     * @return 0 when the burst is full (more may be waiting), else the {@code errno} that ended it:
     *         {@link Errno#EAGAIN} when the descriptor is empty
     */
    int fill(LinuxSyscalls sys, int fd) {
        count = 0;
        int used = 0;
        while (count < MAX_PACKETS && capacity - used >= WintunConstants.MAX_IP_PACKET_SIZE) {
            ByteBuffer packet = packets[count];
            packet.clear().position(used).limit(used + WintunConstants.MAX_IP_PACKET_SIZE);
            int size = sys.readPacket(fd, packet);
            if (size < 0) {
                if (-size == Errno.EINTR) {
                    continue;
                }
                return -size;
            }
            if (size == 0) {
                return Errno.EAGAIN;    // not a TUN answer; taken as nothing to read
            }
            packet.limit(used + size);
            used += size;
            count++;
        }
        return 0;
    }

    @Override
    public ByteBuffer get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return packets[index];
    }

    @Override
    public int size() {
        return count;
    }
}
