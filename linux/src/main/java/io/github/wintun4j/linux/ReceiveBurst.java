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
 * <p>With offloads (the descriptor opened with {@code IFF_VNET_HDR}) each read is a
 * {@code virtio_net_hdr} and a packet of up to 64 KiB, which {@link GsoSplit} turns into the
 * packets the application would have read without offloads: a plain packet stays where it was
 * read, the segments of a large one are written behind it. A read whose header does not describe
 * its packet is dropped and counted ({@link AdapterCounters#malformedOffloadDropped()}).
 *
 * <p>Not thread-safe: the receive thread's alone.
 */
final class ReceiveBurst extends AbstractList<ByteBuffer> implements RandomAccess {

    /** The most packets per burst: a burst also ends when the descriptor is empty. */
    static final int MAX_PACKETS = 64;
    /** With offloads: the most segments one read may be cut into (a smaller gso_size is dropped as malformed). */
    static final int MAX_SEGMENTS_PER_READ = 256;
    /**
     * Room for a few packets of the largest size; every read is given room for the largest, because
     * a TUN read truncates a packet that does not fit. With 1500-byte packets this holds more than
     * {@link #MAX_PACKETS}.
     */
    private static final int BUFFER_BYTES = 4 * WintunConstants.MAX_IP_PACKET_SIZE;
    /** With offloads: a read is a header and a packet of up to 65535 bytes. */
    private static final int VNET_READ_BYTES = VirtioNetHeader.SIZE + 65_535;
    /** With offloads: room per read, for the read and its segments. */
    private static final int VNET_ROOM = VNET_READ_BYTES + GsoSplit.worstCaseBytes(MAX_SEGMENTS_PER_READ);
    /** With offloads: the burst has room for at least this many reads of the largest size (about 650 KiB). */
    private static final int VNET_READS_OF_ROOM = 4;

    private final ByteBuffer[] packets;
    private final int capacity;
    private final GsoSplit split;
    private final AdapterCounters counters;
    private final int[] starts;
    private final int[] sizes;
    private int count;

    /** A burst of plain reads. */
    ReceiveBurst() {
        this(false, null);
    }

    /**
     * @param offloads whether each read starts with a {@code virtio_net_hdr}
     * @param counters where malformed reads are counted; only with offloads
     */
    ReceiveBurst(boolean offloads, AdapterCounters counters) {
        int views = offloads ? VNET_READS_OF_ROOM * MAX_SEGMENTS_PER_READ : MAX_PACKETS;
        ByteBuffer memory = ByteBuffer.allocateDirect(offloads ? VNET_READS_OF_ROOM * VNET_ROOM : BUFFER_BYTES);
        this.capacity = memory.capacity();
        this.packets = new ByteBuffer[views];
        for (int i = 0; i < views; i++) {
            packets[i] = memory.duplicate();
        }
        this.split = offloads ? new GsoSplit() : null;
        this.counters = counters;
        this.starts = offloads ? new int[MAX_SEGMENTS_PER_READ] : null;
        this.sizes = offloads ? new int[MAX_SEGMENTS_PER_READ] : null;
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
        return split == null ? fillPlain(sys, fd) : fillOffloaded(sys, fd);
    }

    private int fillPlain(LinuxSyscalls sys, int fd) {
        count = 0;
        int used = 0;
        while (count < MAX_PACKETS && capacity - used >= WintunConstants.MAX_IP_PACKET_SIZE) {
            ByteBuffer packet = packets[count];
            packet.clear().position(used).limit(used + WintunConstants.MAX_IP_PACKET_SIZE);
            int size = read(sys, fd, packet);
            if (size < 0) {
                return -size;
            }
            packet.limit(used + size);
            used += size;
            count++;
        }
        return 0;
    }

    private int fillOffloaded(LinuxSyscalls sys, int fd) {
        count = 0;
        int used = 0;
        for (int reads = 0; reads < MAX_PACKETS && packets.length - count >= MAX_SEGMENTS_PER_READ
                && capacity - used >= VNET_ROOM; reads++) {
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
            }
            used = end;
        }
        return 0;
    }

    /** @return the bytes read, or {@code -errno}; EINTR is retried, and 0 (not a TUN answer) is taken as EAGAIN */
    private static int read(LinuxSyscalls sys, int fd, ByteBuffer into) {
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
