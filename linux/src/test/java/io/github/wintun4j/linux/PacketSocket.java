// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.linux.sys.PollFds;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * An AF_PACKET datagram socket on one interface (packet(7)): without link headers, which a TUN
 * device has none of, so the bytes are the IP packets themselves. As a <em>capture</em> it takes
 * the packets the interface receives, which on a TUN device are the packets the application wrote
 * (outgoing ones are ignored: PACKET_IGNORE_OUTGOING); as an <em>injector</em> it transmits
 * through the interface, which on a TUN device hands the packet to the attached reader, the
 * application's session. Thread-safe: sends and receives are each serialized.
 */
final class PacketSocket implements AutoCloseable {

    // Source: linux/socket.h, linux/if_packet.h, linux/if_ether.h, asm-generic/socket.h
    static final int AF_PACKET = 17;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUFFORCE = 33;
    static final int SOL_PACKET = 263;
    static final int PACKET_IGNORE_OUTGOING = 23;
    static final int ETH_P_ALL = 0x0003;
    /** {@code sizeof(struct sockaddr_ll)}. */
    static final int SOCKADDR_LL_SIZE = 20;

    /** Room for the largest packet the capture must hold (every kit packet is at most 0xFFFF bytes). */
    private static final int RECEIVE_BUFFER = 32 << 20;

    private final LinuxSyscalls sys;
    private final Fd fd;
    private final ByteBuffer incoming = ByteBuffer.allocateDirect(0x10000);
    private final PollFds poll = new PollFds(1);

    private PacketSocket(LinuxSyscalls sys, Fd fd) {
        this.sys = sys;
        this.fd = fd;
        poll.set(0, fd.number(), LinuxAbi.POLLIN);
    }

    /** @return a socket that takes what the interface receives from its TUN descriptor */
    static PacketSocket capture(LinuxSyscalls sys, int ifindex) throws ErrnoException {
        PacketSocket socket = open(sys, ifindex, ETH_P_ALL);
        try {
            sys.setsockopt(socket.fd.number(), SOL_PACKET, PACKET_IGNORE_OUTGOING, intValue(1));
            sys.setsockopt(socket.fd.number(), SOL_SOCKET, SO_RCVBUFFORCE, intValue(RECEIVE_BUFFER));
            return socket;
        } catch (ErrnoException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** @return a socket that transmits through the interface and receives nothing (protocol 0) */
    static PacketSocket injector(LinuxSyscalls sys, int ifindex) throws ErrnoException {
        return open(sys, ifindex, 0);
    }

    private static PacketSocket open(LinuxSyscalls sys, int ifindex, int protocol) throws ErrnoException {
        int number = sys.socket(AF_PACKET, LinuxAbi.SOCK_DGRAM | LinuxAbi.SOCK_CLOEXEC | SOCK_NONBLOCK,
                Short.toUnsignedInt(Short.reverseBytes((short) protocol)));
        Fd fd = new Fd(sys, number, "AF_PACKET socket on interface " + ifindex);
        try {
            ByteBuffer address = ByteBuffer.allocateDirect(SOCKADDR_LL_SIZE).order(ByteOrder.nativeOrder());
            address.putShort(0, (short) AF_PACKET);
            address.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) protocol).order(ByteOrder.nativeOrder());
            address.putInt(4, ifindex);
            sys.bind(number, address);
            return new PacketSocket(sys, fd);
        } catch (ErrnoException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    private static ByteBuffer intValue(int value) {
        return ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(0, value);
    }

    /** Transmits one packet through the interface. */
    synchronized void send(byte[] packet) throws ErrnoException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(packet.length).put(packet).flip();
        sys.write(fd.number(), buffer);
    }

    /**
     * @return the next packet the interface received, or {@code null} when none came in time
     */
    synchronized byte[] receive(long timeout, TimeUnit unit) throws ErrnoException, InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            try {
                int size = sys.read(fd.number(), incoming.clear());
                byte[] packet = new byte[size];
                incoming.get(0, packet);
                return packet;
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EAGAIN && e.errno() != Errno.EINTR) {
                    throw e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            poll.clearRevents();
            try {
                sys.poll(poll.buffer(), 1, (int) Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        fd.close();
    }
}
