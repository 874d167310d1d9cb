// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The packets that one turn of a session's reader takes from a TUN descriptor opened with
 * {@code IFF_VNET_HDR} (offloads), so that they go into the receive ring together: one publication,
 * and at most one wake-up of the application, per burst. (Without offloads, {@link ReceivePath}
 * reads straight into the ring.) Each read is a {@code virtio_net_hdr} and a packet of up to
 * 64 KiB, read into one direct buffer, which {@link GsoSplit} turns into the packets the
 * application would have read without offloads: a plain packet stays where it was read, the
 * segments of a large one are written behind it. The buffer and the views are made once, so
 * reading allocates nothing. As a {@code List}, the packets of the last {@link #fill}, each from
 * position to limit. A read whose header does not describe its packet is dropped and counted
 * ({@link AdapterCounters#malformedOffloadDropped()}).
 *
 * <p>Not thread-safe: the holder of the read turn's alone.
 */
final class ReceiveBurst extends AbstractList<ByteBuffer> implements RandomAccess {

    /** The most reads per burst, with offloads or without ({@link ReceivePath}): a burst also ends when the descriptor is empty. */
    static final int MAX_READS = 64;
    /** The most segments one read may be cut into (a smaller gso_size is dropped as malformed). */
    static final int MAX_SEGMENTS_PER_READ = 256;
    /** A read is a header and a packet of up to 65535 bytes. */
    private static final int VNET_READ_BYTES = VirtioNetHeader.SIZE + 65_535;
    /** Room per read, for the read and its segments. */
    private static final int VNET_ROOM = VNET_READ_BYTES + GsoSplit.worstCaseBytes(MAX_SEGMENTS_PER_READ);
    /** The burst has room for at least this many reads of the largest size (about 650 KiB). */
    private static final int VNET_READS_OF_ROOM = 4;
    /** The most bytes one read may take in the receive ring: its segments and their records' headers. */
    static final int MAX_RING_BYTES_PER_READ = VNET_ROOM + MAX_SEGMENTS_PER_READ * 2 * Ring.SIZE_PREFIX;

    private final ByteBuffer[] packets;
    private final int capacity;
    private final GsoSplit split = new GsoSplit();
    private final AdapterCounters counters;
    private final int[] starts = new int[MAX_SEGMENTS_PER_READ];
    private final int[] sizes = new int[MAX_SEGMENTS_PER_READ];
    private int count;

    /** @param counters where malformed reads are counted */
    ReceiveBurst(AdapterCounters counters) {
        int views = VNET_READS_OF_ROOM * MAX_SEGMENTS_PER_READ;
        ByteBuffer memory = ByteBuffer.allocateDirect(VNET_READS_OF_ROOM * VNET_ROOM);
        this.capacity = memory.capacity();
        this.packets = new ByteBuffer[views];
        for (int i = 0; i < views; i++) {
            packets[i] = memory.duplicate();
        }
        this.counters = counters;
    }

    /**
     * Reads until the descriptor is empty, the burst is full, a read fails, or the packets read
     * might not fit {@code ringBytes} any more; replaces the packets of the previous fill. The first
     * read is always made (a packet that does not fit the ring is then the ring's to drop, as the
     * driver drops beyond the ring); after it, the burst stops while a read of the largest size
     * might not fit, so that what the ring cannot take stays in the kernel's queue.
     *
     * @param sys       the binding
     * @param fd        the TUN descriptor, non-blocking
     * @param ringBytes the receive ring's free bytes now
     * @return 0 when the burst stopped with more perhaps waiting, else the {@code errno} that ended
     *         it: {@link Errno#EAGAIN} when the descriptor is empty
     */
    int fill(LinuxSyscalls sys, int fd, int ringBytes) {
        count = 0;
        int used = 0;
        long ringUsed = 0;
        for (int reads = 0; reads < MAX_READS && packets.length - count >= MAX_SEGMENTS_PER_READ
                && capacity - used >= VNET_ROOM; reads++) {
            if (reads > 0 && ringUsed + MAX_RING_BYTES_PER_READ > ringBytes) {
                return 0;
            }
            ByteBuffer read = packets[count];
            read.clear().position(used).limit(used + VNET_READ_BYTES);
            int size = read(sys, fd, read);
            if (size < 0) {
                return -size;
            }
            read.clear();
            int results = split.receive(read, used, size, used + size, starts, sizes);
            if (results == GsoSplit.MALFORMED) {
                counters.malformedOffloadDropped();
                continue;
            }
            if (VirtioNetHeader.gsoType(read, used) != VirtioNetHeader.GSO_NONE) {
                counters.segmentedRead();
            }
            int end = used + size;
            for (int i = 0; i < results; i++) {
                packets[count++].clear().position(starts[i]).limit(starts[i] + sizes[i]);
                end = Math.max(end, starts[i] + sizes[i]);
                ringUsed += Ring.recordSize(sizes[i]);
            }
            used = end;
        }
        return 0;
    }

    /** @return the bytes read, or {@code -errno}; EINTR is retried, and 0 (not a TUN answer) is taken as EAGAIN */
    static int read(LinuxSyscalls sys, int fd, ByteBuffer into) {
        while (true) {
            int size = sys.readPacket(fd, into);
            if (size == -Errno.EINTR) {
                continue;
            }
            return size == 0 ? -Errno.EAGAIN : size;
        }
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
