// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link FakeKernel} with fault injection: every call is counted under its call site (the syscall, the
 * ioctl request or the kind of descriptor, and the session thread that made it, if any), and one armed
 * fault makes the N-th call of a site fail with a chosen errno, before the kernel sees it, as a real
 * failure changes nothing. An errno that lasts (a device gone) fails every later call of the site until
 * disarmed. Thread-safe (one monitor).
 */
final class FaultyKernel implements LinuxSyscalls {

    /** linux/if_tun.h and linux/sockios.h: the requests by name, for the call sites. */
    private static final Map<Long, String> REQUESTS = Map.ofEntries(
            Map.entry(LinuxAbi.TUNSETIFF, "TUNSETIFF"), Map.entry(LinuxAbi.TUNSETPERSIST, "TUNSETPERSIST"),
            Map.entry(LinuxAbi.TUNSETOFFLOAD, "TUNSETOFFLOAD"),
            Map.entry((long) LinuxAbi.SIOCGIFFLAGS, "SIOCGIFFLAGS"), Map.entry((long) LinuxAbi.SIOCSIFFLAGS, "SIOCSIFFLAGS"),
            Map.entry((long) LinuxAbi.SIOCGIFADDR, "SIOCGIFADDR"), Map.entry((long) LinuxAbi.SIOCSIFADDR, "SIOCSIFADDR"),
            Map.entry((long) LinuxAbi.SIOCGIFNETMASK, "SIOCGIFNETMASK"),
            Map.entry((long) LinuxAbi.SIOCSIFNETMASK, "SIOCSIFNETMASK"), Map.entry((long) LinuxAbi.SIOCGIFMTU, "SIOCGIFMTU"),
            Map.entry((long) LinuxAbi.SIOCSIFMTU, "SIOCSIFMTU"), Map.entry((long) LinuxAbi.SIOCGIFINDEX, "SIOCGIFINDEX"),
            Map.entry((long) LinuxAbi.SIOCDIFADDR, "SIOCDIFADDR"));

    private final FakeKernel kernel;
    private final Map<String, Integer> calls = new TreeMap<>();
    private String armedSite;
    private int armedNth;
    private boolean armedLasts;
    private int armedErrno;
    private boolean fired;

    FaultyKernel(FakeKernel kernel) {
        this.kernel = kernel;
    }

    FakeKernel kernel() {
        return kernel;
    }

    /** Zeroes the counters and arms a fault: call {@code nth} of {@code site} (and every later one when it lasts). */
    synchronized void arm(String site, int nth, int errno, boolean lasts) {
        reset();
        armedSite = site;
        armedNth = nth;
        armedErrno = errno;
        armedLasts = lasts;
    }

    /** Zeroes the counters and disarms. */
    synchronized void reset() {
        calls.clear();
        armedSite = null;
        fired = false;
    }

    synchronized boolean fired() {
        return fired;
    }

    /** @return the calls of each site since the last reset */
    synchronized Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    private void enter(String call) throws ErrnoException {
        enterSite(call, call + role());
    }

    /**
     * A call whose site is the same on every thread. A TUN write is one: the application's thread
     * writes its own packet unless the send thread holds the write token at that moment (then the send
     * thread writes it), and what a failed write leads to does not depend on which thread made it. A
     * TUN read likewise: a receive that finds the ring empty reads on the application's thread, the
     * receive thread reads for a waiting receiver.
     */
    private void enterAnyThread(String call) throws ErrnoException {
        enterSite(call, call);
    }

    private void enterSite(String call, String site) throws ErrnoException {
        int count;
        synchronized (this) {
            count = calls.merge(site, 1, Integer::sum);
            if (!site.equals(armedSite) || count < armedNth || (count > armedNth && !armedLasts)) {
                return;
            }
            fired = true;
        }
        throw new ErrnoException(call.substring(0, call.indexOf(' ') < 0 ? call.length() : call.indexOf(' ')),
                armedErrno);
    }

    /** The session's own threads are call sites of their own: what they meet reaches the application later. */
    private static String role() {
        String thread = Thread.currentThread().getName();
        return thread.startsWith("wintun4j-rx-") ? " (rx thread)" : thread.startsWith("wintun4j-tx-") ? " (tx thread)" : "";
    }

    private String onDescriptor(String call, int fd) {
        String kind = kernel.kindOf(fd);
        return kind == null ? call : call + ' ' + kind;
    }

    private static String request(long request) {
        return "ioctl " + REQUESTS.getOrDefault(request, "0x" + Long.toHexString(request));
    }

    @Override
    public int open(ByteBuffer path, int flags) throws ErrnoException {
        enter("open");
        return kernel.open(path, flags);
    }

    @Override
    public void close(int fd) throws ErrnoException {
        try {
            enter(onDescriptor("close", fd));
        } catch (ErrnoException e) {
            kernel.close(fd); // close(2) releases the descriptor even when it reports an error
            throw e;
        }
        kernel.close(fd);
    }

    @Override
    public int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException {
        enter(request(request));
        return kernel.ioctl(fd, request, argument);
    }

    @Override
    public int ioctl(int fd, long request, long argument) throws ErrnoException {
        enter(request(request));
        return kernel.ioctl(fd, request, argument);
    }

    @Override
    public int read(int fd, ByteBuffer buffer) throws ErrnoException {
        String call = onDescriptor("read", fd);
        if (call.equals("read tun")) {
            enterAnyThread(call);
        } else {
            enter(call);
        }
        return kernel.read(fd, buffer);
    }

    @Override
    public int write(int fd, ByteBuffer buffer) throws ErrnoException {
        String call = onDescriptor("write", fd);
        if (call.equals("write tun")) {
            try {
                enterAnyThread(call);
            } catch (ErrnoException e) {
                kernel.countRefusedTunWrite();
                throw e;
            }
        } else {
            enter(call);
        }
        return kernel.write(fd, buffer);
    }

    @Override
    public int poll(ByteBuffer fds, int count, int timeoutMillis) throws ErrnoException {
        enter("poll");
        return kernel.poll(fds, count, timeoutMillis);
    }

    @Override
    public int eventfd(int initialValue, int flags) throws ErrnoException {
        enter("eventfd");
        return kernel.eventfd(initialValue, flags);
    }

    @Override
    public int socket(int domain, int type, int protocol) throws ErrnoException {
        enter(domain == LinuxAbi.AF_INET6 ? "socket AF_INET6" : "socket AF_INET");
        return kernel.socket(domain, type, protocol);
    }

    @Override
    public void bind(int fd, ByteBuffer address) throws ErrnoException {
        enter("bind");
        kernel.bind(fd, address);
    }

    @Override
    public void setsockopt(int fd, int level, int option, ByteBuffer value) throws ErrnoException {
        enter("setsockopt");
        kernel.setsockopt(fd, level, option, value);
    }
}
