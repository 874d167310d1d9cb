// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.internal.ring.DriverWriter;
import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static io.github.wintun4j.linux.OffloadPackets.ACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receive burst with offloads, over scripted reads of a descriptor opened with
 * {@code IFF_VNET_HDR}: malformed headers are counted and dropped while the reads around them go
 * on, and the segments of a large packet that do not fit the receive ring are dropped and counted
 * one by one, never a stall.
 */
class ReceiveBurstOffloadTest {

    private final AdapterCounters counters = new AdapterCounters();
    private final ScriptedReads kernel = new ScriptedReads();

    @Test
    void aMalformedHeaderIsCountedAndDroppedAndTheBurstGoesOn() {
        ByteBuffer good = OffloadPackets.udp(false, 1, OffloadPackets.payload(100, 0));
        ByteBuffer big = OffloadPackets.tcp(false, 1, 1, 1, ACK, new byte[0], OffloadPackets.payload(3000, 0));
        kernel.add(read(0, VirtioNetHeader.GSO_NONE, 0, good));
        kernel.add(read(1, VirtioNetHeader.GSO_TCPV4, 0, big));           // gso_size 0
        kernel.add(read(1, 9, 1000, big));                                  // no such GSO type
        kernel.add(ByteBuffer.allocate(4));                                 // shorter than the header
        kernel.add(read(1, VirtioNetHeader.GSO_TCPV4, 1000, big));

        ReceiveBurst burst = new ReceiveBurst(counters);
        int ended = burst.fill(kernel, 3, Integer.MAX_VALUE);

        assertThat(ended).isEqualTo(Errno.EAGAIN);
        assertThat(counters.malformedOffload()).isEqualTo(3);
        assertThat(counters.segmentedReads()).isEqualTo(1);
        assertThat(burst).hasSize(1 + 3);
        assertThat(OffloadPackets.bytes(burst.get(0))).isEqualTo(OffloadPackets.bytes(good));
        assertThat(burst.subList(1, 4)).allMatch(OffloadPackets::checksumsValid)
                .allMatch(segment -> segment.remaining() == 40 + 1000);
    }

    @Test
    void aBurstStopsWhileAnotherLargeReadMightNotFitTheRingAndLeavesItInTheKernel() {
        byte[] payload = OffloadPackets.payload(65_535 - 40, 0);
        for (int i = 0; i < 3; i++) {   // three reads of 64 KiB: more than a ring of the smallest capacity
            kernel.add(read(1, VirtioNetHeader.GSO_TCPV4, 1448,
                    OffloadPackets.tcp(false, 100 * i, i * payload.length, 1, ACK, new byte[0], payload)));
        }
        Ring ring = new Ring(WintunConstants.MIN_RING_CAPACITY);
        DriverWriter writer = new DriverWriter(ring, "read(TUN)");
        ReceiveBurst burst = new ReceiveBurst(counters);

        assertThat(burst.fill(kernel, 3, writer.freeBytes())).as("stopped, more waiting").isZero();

        int perRead = (payload.length + 1447) / 1448;
        assertThat(burst).as("the first read's segments only").hasSize(perRead);
        assertThat(kernel.reads).as("the other reads, still in the kernel's queue").hasSize(2);
        assertThat(writer.writeBatch(burst)).as("the first read fits the smallest ring").isTrue();
    }

    @Test
    void theFirstReadIsAlwaysMadeEvenWhenTheRingIsFull() {
        kernel.add(read(0, VirtioNetHeader.GSO_NONE, 0, OffloadPackets.udp(false, 1, OffloadPackets.payload(100, 0))));
        ReceiveBurst burst = new ReceiveBurst(counters);

        assertThat(burst.fill(kernel, 3, 0)).as("stopped after the first read").isZero();
        assertThat(burst).as("the ring's writer drops it, as the driver drops beyond the ring").hasSize(1);
    }

    /** @return a read: a virtio_net_hdr (NEEDS_CSUM when {@code flags} is 1) and the packet */
    private static ByteBuffer read(int flags, int gsoType, int gsoSize, ByteBuffer packet) {
        ByteBuffer read = ByteBuffer.allocate(VirtioNetHeader.SIZE + packet.remaining());
        int ipLength = (packet.get(0) & 0xF0) == 0x60 ? 40 : 20;
        VirtioNetHeader.put(read, 0, flags, gsoType, 0, gsoSize, ipLength, 16);
        read.put(VirtioNetHeader.SIZE, packet, 0, packet.remaining());
        return read;
    }

    /** Reads that return the scripted bytes one by one, then EAGAIN; every other call is not expected. */
    private static final class ScriptedReads implements LinuxSyscalls {
        private final Deque<ByteBuffer> reads = new ArrayDeque<>();

        void add(ByteBuffer read) {
            reads.add(read);
        }

        @Override
        public int readPacket(int fd, ByteBuffer buffer) {
            ByteBuffer next = reads.poll();
            if (next == null) {
                return -Errno.EAGAIN;
            }
            int size = Math.min(next.remaining(), buffer.remaining());
            buffer.put(buffer.position(), next, 0, size);
            return size;
        }

        @Override
        public int read(int fd, ByteBuffer buffer) throws ErrnoException {
            int size = readPacket(fd, buffer);
            if (size < 0) {
                throw new ErrnoException("read", -size);
            }
            return size;
        }

        @Override
        public int open(ByteBuffer path, int flags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close(int fd) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int ioctl(int fd, long request, ByteBuffer argument) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int ioctl(int fd, long request, long argument) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(int fd, ByteBuffer buffer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int poll(ByteBuffer fds, int count, int timeoutMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int eventfd(int initialValue, int flags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int socket(int domain, int type, int protocol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void bind(int fd, ByteBuffer address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setsockopt(int fd, int level, int option, ByteBuffer value) {
            throw new UnsupportedOperationException();
        }
    }
}
