package io.github.wintun4j.linux;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.linux.sys.PollFds;
import io.github.wintun4j.spi.DriverPacketRules;
import io.github.wintun4j.spi.ring.Ring;
import io.github.wintun4j.spi.ring.RingReader;
import io.github.wintun4j.spi.ring.RingWriter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The driver side of a Linux session: two threads between the session's rings and the attached
 * TUN descriptor.
 *
 * <ul>
 *   <li>the receive thread {@code poll()}s the TUN descriptor and an eventfd, reads each packet and
 *       writes it into the receive ring as a batch of one ({@link RingWriter#writeBatch}); a packet
 *       that does not fit is dropped and counted, as the driver drops a batch that does not fit;</li>
 *   <li>the send thread waits on the send ring's read signal, drains the ring in allocation order
 *       ({@link RingReader#drain}) and {@code write()}s each IP packet; non-IP packets are dropped
 *       and counted (wintun-reference section 4).</li>
 * </ul>
 *
 * <p>When the device is deleted underneath (POLLERR, EBADFD), both rings are terminated, so that
 * the application's blocked and later calls end with {@code ERROR_HANDLE_EOF}.
 *
 * <p>Stopping is ordered: {@link #stop()} raises the eventfd and the send ring's signal, joins
 * both threads, and only then closes the descriptors, so that no thread is ever inside a call on a
 * descriptor being closed and no closed number is used again. Thread-safe.
 */
final class PacketPump {

    /** Packets read per wake-up before the eventfd is looked at again. */
    private static final int READS_PER_POLL = 256;
    /** Records written per drain. */
    private static final int WRITES_PER_DRAIN = 256;
    /** A safety net only: the eventfd wakes the receive thread at once. */
    private static final int POLL_TIMEOUT_MILLIS = 1000;
    private static final long SEND_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long JOIN_MILLIS = 10_000;

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final Fd wake;
    private final RingWriter receiveWriter;
    private final RingReader sendReader;
    private final Thread receiveThread;
    private final Thread sendThread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean deviceGone;
    private boolean writeFailureLogged;

    PacketPump(LinuxAdapter adapter, Fd tun, Fd wake, Ring receiveRing, Ring sendRing) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.wake = wake;
        this.receiveWriter = new RingWriter(receiveRing, "read(TUN)");
        this.sendReader = new RingReader(sendRing, "write(TUN)");
        this.receiveThread = new Thread(this::receiveLoop, "wintun4j-rx-" + adapter.name());
        this.sendThread = new Thread(this::sendLoop, "wintun4j-tx-" + adapter.name());
        receiveThread.setDaemon(true);
        sendThread.setDaemon(true);
    }

    void start() {
        receiveThread.start();
        sendThread.start();
    }

    /** For fault injection in tests: an impossible record in the receive ring. */
    void corruptReceiveRing() {
        receiveWriter.writeCorruptRecord();
    }

    private void receiveLoop() {
        try {
            PollFds fds = new PollFds(2)
                    .set(0, tun.number(), LinuxAbi.POLLIN)
                    .set(1, wake.number(), LinuxAbi.POLLIN);
            ByteBuffer packet = ByteBuffer.allocateDirect(WintunConstants.MAX_IP_PACKET_SIZE);
            List<ByteBuffer> batch = List.of(packet);
            while (!stopping) {
                fds.clearRevents();
                try {
                    sys.poll(fds.buffer(), fds.count(), POLL_TIMEOUT_MILLIS);
                } catch (ErrnoException e) {
                    if (e.errno() == Errno.EINTR) {
                        continue;
                    }
                    throw e;
                }
                if ((fds.revents(1) & LinuxAbi.POLLIN) != 0 || stopping) {
                    return;
                }
                short events = fds.revents(0);
                if ((events & (LinuxAbi.POLLERR | LinuxAbi.POLLHUP | LinuxAbi.POLLNVAL)) != 0) {
                    deviceGone("poll reported 0x" + Integer.toHexString(events & 0xFFFF));
                    return;
                }
                if ((events & LinuxAbi.POLLIN) != 0 && !readAvailable(packet, batch)) {
                    return;
                }
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            failed("the receive thread", e);
        }
    }

    /** @return whether to go on */
    private boolean readAvailable(ByteBuffer packet, List<ByteBuffer> batch) throws ErrnoException {
        for (int i = 0; i < READS_PER_POLL && !stopping; i++) {
            int size;
            try {
                size = sys.read(tun.number(), packet.clear());
            } catch (ErrnoException e) {
                switch (e.errno()) {
                    case Errno.EAGAIN:
                        return true;
                    case Errno.EINTR:
                        continue;
                    case Errno.EBADFD:
                        deviceGone("read reported EBADFD");
                        return false;
                    default:
                        throw e;
                }
            }
            if (size <= 0) {
                return true;
            }
            packet.limit(size);
            boolean written = ingest(batch);
            InboundObserver observer = adapter.inboundObserver();
            if (observer != null) {
                observer.handled(packet, written);
            }
            if (!written && receiveWriter.isEnded()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The driver's batch routine: writes a batch from the network stack into the receive ring
     * whole, or drops it whole and counts it when it does not fit (wintun-reference section 4).
     * Linux hands over one packet per {@code read()}, so the receive thread calls this with
     * batches of one.
     *
     * @param batch the packets, each from position to limit
     * @return whether the batch was written
     */
    boolean ingest(List<ByteBuffer> batch) {
        if (receiveWriter.writeBatch(batch)) {
            return true;
        }
        if (!receiveWriter.isEnded()) {
            adapter.counters().inboundDropped();
        }
        return false;
    }

    private void sendLoop() {
        try {
            while (!sendReader.isEnded()) {
                if (sendReader.drain(this::writeRecord, WRITES_PER_DRAIN) > 0) {
                    continue;
                }
                if (stopping) {
                    return;
                }
                sendReader.ring().signal().await(() -> stopping || sendReader.isReadable(), SEND_WAIT_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failed("the send thread", e);
        }
    }

    private void writeRecord(ByteBuffer record) {
        if (!DriverPacketRules.acceptsFromApplication(record)) {
            adapter.counters().nonIpDropped();
            return;
        }
        if (deviceGone) {
            return;
        }
        try {
            sys.write(tun.number(), record);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EBADFD) {
                deviceGone("write reported EBADFD");
                return;
            }
            // EIO while the interface is down, EINVAL for a packet the kernel refuses: dropped, as
            // the driver drops what the stack does not take.
            adapter.counters().outboundDropped();
            if (!writeFailureLogged) {
                writeFailureLogged = true;
                adapter.log(WintunLogLevel.WARN, "Dropping packets the kernel refuses on \"" + adapter.name()
                        + "\": write " + e.getMessage() + (e.errno() == Errno.EIO ? " (is the interface down?)" : ""));
            }
        }
    }

    private void deviceGone(String why) {
        deviceGone = true;
        adapter.log(WintunLogLevel.WARN, "TUN device \"" + adapter.name() + "\" went away (" + why
                + "); ending the session");
        receiveWriter.ring().terminate();
        sendReader.ring().terminate();
    }

    private void failed(String where, Throwable e) {
        if (!stopping) {
            adapter.log(WintunLogLevel.ERR, "Session of \"" + adapter.name() + "\": " + where + " failed: " + e);
            receiveWriter.ring().terminate();
            sendReader.ring().terminate();
        }
    }

    /**
     * Stops both threads and closes the descriptors, in that order. Idempotent; never throws. When a
     * thread does not stop in time, the descriptors are left open (leaked) rather than closed under it.
     */
    void stop() {
        stopping = true;
        try {
            try {
                ByteBuffer one = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putLong(0, 1L);
                sys.write(wake.number(), one);
            } catch (ErrnoException | RuntimeException e) {
                adapter.log(WintunLogLevel.WARN, "Waking the receive thread of \"" + adapter.name()
                        + "\" failed (" + e + "); it stops within " + POLL_TIMEOUT_MILLIS + " ms");
            }
            sendReader.ring().signal().wakeAll();
            boolean joined = join(receiveThread) & join(sendThread);
            if (joined) {
                tun.close();
                wake.close();
            } else {
                adapter.log(WintunLogLevel.ERR, "The session threads of \"" + adapter.name()
                        + "\" did not stop; leaving their descriptors open rather than closing them under a call");
            }
            receiveWriter.close();
            sendReader.close();
        } finally {
            stopped.countDown();
        }
    }

    /** Waits until {@link #stop()} has finished, whoever called it. */
    void awaitStopped() {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean join(Thread thread) {
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        if (thread == Thread.currentThread()) {
            return false;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        try {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
