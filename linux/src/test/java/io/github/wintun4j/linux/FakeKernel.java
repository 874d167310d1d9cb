// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory stand-in for the kernel behind {@link LinuxSyscalls}, for the tests of what the
 * Linux support does with descriptors: it hands out descriptor numbers, plays one TUN device and
 * eventfds, and records every call made on a descriptor that is not open (a use after close, a
 * double close) as a violation. It keeps the names of TUN devices: one lives while it is persistent
 * ({@code TUNSETPERSIST}) or a descriptor is attached to it ({@code TUNSETIFF}), and an exclusive
 * {@code TUNSETIFF} on a name that lives fails with EBUSY, as the kernel's does; and the IPv4 address
 * and netmask of each label, and one MTU. Thread-safe (one monitor).
 */
final class FakeKernel implements LinuxSyscalls {

    private static final int IFREQ_SIZE = 40;

    private final Map<Integer, String> open = new HashMap<>();
    private final Map<Integer, Long> eventCounters = new HashMap<>();
    private final Map<Integer, String> attached = new HashMap<>();
    private final Set<String> persistent = new TreeSet<>();
    /** IPv4 addresses and netmasks by label ("tun0", "tun0:0"), as SIOCSIFADDR and SIOCSIFNETMASK set them. */
    private final Map<String, byte[]> addresses = new HashMap<>();
    private final Map<String, byte[]> netmasks = new HashMap<>();
    private int mtu = 1500;
    private final ArrayDeque<byte[]> toApplication = new ArrayDeque<>();
    private final List<byte[]> written = new ArrayList<>();
    private final List<String> writers = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private int writesToRefuse;
    /** Every write(2) on the TUN descriptor, refused ones included. */
    private int tunWriteAttempts;
    private int writeErrno;
    private int nextFd = 100;
    private int openErrno;
    private int closedDescriptors;

    /** Makes every later open of /dev/net/tun fail with this errno (0: succeed). */
    synchronized FakeKernel failOpenWith(int errno) {
        openErrno = errno;
        return this;
    }

    /** Queues a packet toward the application, as the kernel routing one into the TUN device. */
    synchronized void route(byte[] packet) {
        toApplication.add(packet);
        notifyAll();
    }

    synchronized List<byte[]> written() {
        return new ArrayList<>(written);
    }

    /** Counts a TUN write that a fault injected in front of this kernel refused before it got here. */
    synchronized void countRefusedTunWrite() {
        tunWriteAttempts++;
        notifyAll();
    }

    /** @return every write(2) on the TUN descriptor so far, refused ones included */
    synchronized int tunWriteAttempts() {
        return tunWriteAttempts;
    }

    /**
     * Waits until {@code count} TUN writes were made, refused ones included.
     *
     * @return whether they were made within the time
     */
    synchronized boolean awaitTunWriteAttempts(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (tunWriteAttempts < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The names of the threads that made each TUN write in {@link #written()}. */
    synchronized List<String> writers() {
        return new ArrayList<>(writers);
    }

    /** Makes the next {@code count} TUN writes fail with EAGAIN, as a full device send buffer does. */
    synchronized FakeKernel refuseWrites(int count) {
        writesToRefuse = count;
        return this;
    }

    /** Makes every later TUN write fail with this errno (0: succeed), as a device gone (EBADFD) or down (EIO). */
    synchronized FakeKernel failWritesWith(int errno) {
        writeErrno = errno;
        return this;
    }

    synchronized List<String> violations() {
        return new ArrayList<>(violations);
    }

    synchronized int openDescriptors() {
        return open.size();
    }

    synchronized int closedDescriptors() {
        return closedDescriptors;
    }

    /** @return the TUN devices that live: persistent, or with a descriptor attached */
    synchronized SortedSet<String> devices() {
        SortedSet<String> devices = new TreeSet<>(persistent);
        devices.addAll(attached.values());
        return devices;
    }

    /** @return what the descriptor is ("tun", "eventfd", "socket"), or {@code null} when it is not open */
    synchronized String kindOf(int fd) {
        return open.get(fd);
    }

    private String require(String call, int fd) throws ErrnoException {
        String kind = open.get(fd);
        if (kind == null) {
            violations.add(call + " on descriptor " + fd + ", which is not open");
            throw new ErrnoException(call, Errno.EBADF);
        }
        return kind;
    }

    private int allocate(String kind) {
        int fd = nextFd++;
        open.put(fd, kind);
        return fd;
    }

    @Override
    public synchronized int open(ByteBuffer path, int flags) throws ErrnoException {
        if (openErrno != 0) {
            throw new ErrnoException("open", openErrno);
        }
        return allocate("tun");
    }

    @Override
    public synchronized void close(int fd) throws ErrnoException {
        require("close", fd);
        open.remove(fd);
        eventCounters.remove(fd);
        attached.remove(fd);
        closedDescriptors++;
        notifyAll();
    }

    @Override
    public synchronized int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException {
        require("ioctl", fd);
        ByteBuffer ifreq = argument.duplicate().order(ByteOrder.nativeOrder());
        if (request == LinuxAbi.TUNSETIFF) {
            attach(fd, ifreq);
        } else if (argument.remaining() == IFREQ_SIZE && ipv4Request(request, ifreq)) {
            return 0;
        } else if (request == LinuxAbi.SIOCSIFMTU) {
            mtu = ifreq.getInt(ifreq.position() + 16);
        } else if (request == LinuxAbi.SIOCGIFMTU) {
            ifreq.putInt(ifreq.position() + 16, mtu);
        } else if (request == LinuxAbi.SIOCGIFINDEX) {
            ifreq.putInt(ifreq.position() + 16, 7);
        } else if (request == LinuxAbi.SIOCGIFFLAGS) {
            ifreq.putShort(ifreq.position() + 16, (short) (LinuxAbi.IFF_UP | LinuxAbi.IFF_RUNNING));
        }
        return 0;
    }

    /** @return whether the request was an IPv4 address one on a {@code struct ifreq}, now done */
    private boolean ipv4Request(long request, ByteBuffer ifreq) throws ErrnoException {
        String label = nameOf(ifreq);
        int at = ifreq.position() + 20; // sockaddr_in.sin_addr in the union at 16
        byte[] bytes = new byte[4];
        if (request == LinuxAbi.SIOCSIFADDR || request == LinuxAbi.SIOCSIFNETMASK) {
            ifreq.get(at, bytes);
            Map<String, byte[]> table = request == LinuxAbi.SIOCSIFADDR ? addresses : netmasks;
            if (request == LinuxAbi.SIOCSIFADDR && Arrays.equals(bytes, new byte[4])) {
                addresses.remove(label);
                netmasks.remove(label);
            } else {
                table.put(label, bytes);
            }
            return true;
        }
        if (request == LinuxAbi.SIOCGIFADDR || request == LinuxAbi.SIOCGIFNETMASK) {
            byte[] known = (request == LinuxAbi.SIOCGIFADDR ? addresses : netmasks).get(label);
            if (known == null) {
                throw new ErrnoException("ioctl", Errno.EADDRNOTAVAIL);
            }
            ifreq.putShort(ifreq.position() + 16, (short) LinuxAbi.AF_INET).put(at, known);
            return true;
        }
        return false;
    }

    private static String nameOf(ByteBuffer ifreq) {
        byte[] raw = new byte[LinuxAbi.IFNAMSIZ];
        ifreq.get(ifreq.position(), raw);
        int length = 0;
        while (length < raw.length && raw[length] != 0) {
            length++;
        }
        return new String(raw, 0, length, StandardCharsets.US_ASCII);
    }

    private void attach(int fd, ByteBuffer ifreq) throws ErrnoException {
        String name = nameOf(ifreq);
        boolean exclusive = (ifreq.getShort(ifreq.position() + 16) & LinuxAbi.IFF_TUN_EXCL) != 0;
        if (exclusive && devices().contains(name)) {
            throw new ErrnoException("ioctl", Errno.EBUSY);
        }
        attached.put(fd, name);
    }

    @Override
    public synchronized int ioctl(int fd, long request, long argument) throws ErrnoException {
        require("ioctl", fd);
        String name = attached.get(fd);
        if (request == LinuxAbi.TUNSETOFFLOAD && argument != 0) {
            // This stand-in plays TUN without virtio headers: a kernel that takes no offload, so
            // that a session falls back to plain packets (as on a kernel that refuses TSO).
            throw new ErrnoException("ioctl", Errno.EINVAL);
        }
        if (request == LinuxAbi.TUNSETPERSIST && name != null) {
            if (argument != 0) {
                persistent.add(name);
            } else {
                persistent.remove(name);
            }
        }
        return 0;
    }

    @Override
    public synchronized int read(int fd, ByteBuffer buffer) throws ErrnoException {
        if (require("read", fd).equals("eventfd")) {
            eventCounters.put(fd, 0L);
            return 8;
        }
        byte[] packet = toApplication.poll();
        if (packet == null) {
            throw new ErrnoException("read", Errno.EAGAIN);
        }
        buffer.duplicate().put(packet);
        return packet.length;
    }

    @Override
    public synchronized int write(int fd, ByteBuffer buffer) throws ErrnoException {
        if (require("write", fd).equals("eventfd")) {
            eventCounters.merge(fd, buffer.duplicate().order(ByteOrder.nativeOrder()).getLong(), Long::sum);
            notifyAll();
            return 8;
        }
        tunWriteAttempts++;
        notifyAll();
        if (writesToRefuse > 0) {
            writesToRefuse--;
            throw new ErrnoException("write", Errno.EAGAIN);
        }
        if (writeErrno != 0) {
            throw new ErrnoException("write", writeErrno);
        }
        byte[] packet = new byte[buffer.remaining()];
        buffer.duplicate().get(packet);
        written.add(packet);
        writers.add(Thread.currentThread().getName());
        return packet.length;
    }

    @Override
    public synchronized int poll(ByteBuffer fds, int count, int timeoutMillis) throws ErrnoException {
        ByteBuffer entries = fds.duplicate().order(ByteOrder.nativeOrder());
        long deadline = System.currentTimeMillis() + (timeoutMillis < 0 ? Long.MAX_VALUE / 2 : timeoutMillis);
        while (true) {
            int ready = 0;
            for (int i = 0; i < count; i++) {
                int at = entries.position() + i * 8;
                int fd = entries.getInt(at);
                short wanted = entries.getShort(at + 4);
                String kind = require("poll", fd);
                boolean readable = kind.equals("eventfd") ? eventCounters.getOrDefault(fd, 0L) > 0 : !toApplication.isEmpty();
                // A TUN device always reports writable: its send buffer is only full for a moment.
                boolean writable = kind.equals("tun");
                short events = (short) (((wanted & LinuxAbi.POLLIN) != 0 && readable ? LinuxAbi.POLLIN : 0)
                        | ((wanted & LinuxAbi.POLLOUT) != 0 && writable ? LinuxAbi.POLLOUT : 0));
                entries.putShort(at + 6, events);
                ready += events != 0 ? 1 : 0;
            }
            long left = deadline - System.currentTimeMillis();
            if (ready > 0 || left <= 0) {
                return ready;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ErrnoException("poll", Errno.EINTR);
            }
        }
    }

    @Override
    public synchronized int eventfd(int initialValue, int flags) {
        int fd = allocate("eventfd");
        eventCounters.put(fd, (long) initialValue);
        return fd;
    }

    @Override
    public synchronized int socket(int domain, int type, int protocol) {
        return allocate("socket");
    }

    @Override
    public synchronized void bind(int fd, ByteBuffer address) throws ErrnoException {
        require("bind", fd);
    }

    @Override
    public synchronized void setsockopt(int fd, int level, int option, ByteBuffer value) throws ErrnoException {
        require("setsockopt", fd);
    }
}
