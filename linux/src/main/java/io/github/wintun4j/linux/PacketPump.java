package io.github.wintun4j.linux;

import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.linux.sys.PollFds;
import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.internal.ring.DriverReader;
import io.github.wintun4j.internal.ring.DriverWriter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The driver side of a Linux session, between the session's rings and the attached TUN descriptor.
 *
 * <ul>
 *   <li>the receive thread {@code poll()}s the TUN descriptor and an eventfd, reads what is waiting
 *       in bursts ({@link ReceiveBurst}) and writes each burst into the receive ring with one
 *       publication ({@link DriverWriter#writeBatch}); a packet that does not fit is dropped and
 *       counted, as the driver drops a batch that does not fit (Linux hands packets over one by
 *       one, so each is a batch of its own);</li>
 *   <li>the send ring is drained by {@link SendPath}: on the application's thread right after each
 *       send, and by a send thread for what the senders leave.</li>
 * </ul>
 *
 * <p>When the device is deleted underneath (POLLERR, EBADFD), both rings are terminated, so that
 * the application's blocked and later calls end with {@code ERROR_HANDLE_EOF}.
 *
 * <p>Stopping is ordered: {@link #stop()} raises the eventfd and wakes the send thread, joins both
 * threads, waits until no sender is inside a {@code write()} ({@link SendPath#lockOut()}), and only
 * then closes the descriptors, so that no thread is ever inside a call on a descriptor being closed
 * and no closed number is used again. Thread-safe.
 */
final class PacketPump implements SendPath.Faults {

    /** Bursts read per wake-up before the eventfd is looked at again. */
    private static final int BURSTS_PER_POLL = 4;
    /** A safety net only: the eventfd wakes the receive thread at once. */
    private static final int POLL_TIMEOUT_MILLIS = 1000;
    private static final long JOIN_MILLIS = 10_000;

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final Fd wake;
    private final DriverWriter receiveWriter;
    private final Ring sendRing;
    private final SendPath sendPath;
    private final Thread receiveThread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    PacketPump(LinuxAdapter adapter, Fd tun, Fd wake, Ring receiveRing, Ring sendRing) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.wake = wake;
        this.receiveWriter = new DriverWriter(receiveRing, "read(TUN)");
        this.sendRing = sendRing;
        this.sendPath = new SendPath(adapter, tun, wake, new DriverReader(sendRing, "write(TUN)"), this);
        this.receiveThread = new Thread(this::receiveLoop, "wintun4j-rx-" + adapter.name());
        receiveThread.setDaemon(true);
    }

    void start() {
        receiveThread.start();
        sendPath.start();
    }

    /** The session's {@code afterSend} hook: writes the sent packets on the sending thread. */
    void afterSend() {
        sendPath.afterSend();
    }

    /** For fault injection in tests (the API's test fixture {@code RingFaults}): the receive ring's writer. */
    DriverWriter receiveWriter() {
        return receiveWriter;
    }

    private void receiveLoop() {
        try {
            PollFds fds = new PollFds(2)
                    .set(0, tun.number(), LinuxAbi.POLLIN)
                    .set(1, wake.number(), LinuxAbi.POLLIN);
            ReceiveBurst burst = new ReceiveBurst();
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
                if ((events & LinuxAbi.POLLIN) != 0 && !readAvailable(burst)) {
                    return;
                }
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            failed("the receive thread", e);
        }
    }

    /**
     * Reads bursts until the descriptor is empty (or for {@link #BURSTS_PER_POLL} bursts, so that
     * the eventfd is looked at now and then), each published to the receive ring at once.
     *
     * @return whether to go on
     */
    private boolean readAvailable(ReceiveBurst burst) throws ErrnoException {
        for (int i = 0; i < BURSTS_PER_POLL && !stopping; i++) {
            int ended = burst.fill(sys, tun.number());
            if (!burst.isEmpty() && !publish(burst)) {
                return false;
            }
            switch (ended) {
                case 0:
                    continue;       // a full burst: more may be waiting
                case Errno.EAGAIN:
                    return true;
                case Errno.EBADFD:
                    deviceGone("read reported EBADFD");
                    return false;
                default:
                    throw new ErrnoException("read", ended);
            }
        }
        return true;
    }

    /**
     * Writes a burst into the receive ring with one publication. When it does not fit whole, each
     * packet goes in on its own while there is room and the others are dropped and counted: Linux
     * handed them over one by one, so each is a batch of its own for the driver's rule.
     *
     * @return {@code false} when the ring ended
     */
    private boolean publish(ReceiveBurst burst) {
        InboundObserver observer = adapter.inboundObserver();
        if (receiveWriter.writeBatch(burst)) {
            if (observer != null) {
                for (int i = 0; i < burst.size(); i++) {
                    observer.handled(burst.get(i), true);
                }
            }
            return true;
        }
        for (int i = 0; i < burst.size(); i++) {   // indexed: an iterator would be an allocation per burst
            ByteBuffer packet = burst.get(i);
            boolean written = receiveWriter.write(packet);
            if (!written && !receiveWriter.isEnded()) {
                adapter.counters().inboundDropped();
            }
            if (observer != null) {
                observer.handled(packet, written);
            }
        }
        return !receiveWriter.isEnded();
    }

    /**
     * The driver's batch routine: writes a batch from the network stack into the receive ring
     * whole, or drops it whole and counts it when it does not fit (wintun-reference section 4).
     * The receive thread itself publishes whole bursts of reads ({@code publish}), which fall
     * back to one packet at a time when a burst does not fit; this routine serves the test hook.
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

    @Override
    public void deviceGone(String why) {
        adapter.log(WintunLogLevel.WARN, "TUN device \"" + adapter.name() + "\" went away (" + why
                + "); ending the session");
        terminateRings();
    }

    @Override
    public void failed(String where, Throwable e) {
        if (!stopping) {
            adapter.log(WintunLogLevel.ERR, "Session of \"" + adapter.name() + "\": " + where + " failed: " + e);
            terminateRings();
        }
    }

    private void terminateRings() {
        receiveWriter.ring().terminate();
        sendRing.terminate();
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
            sendPath.stop();
            boolean joined = join(receiveThread) & join(sendPath.thread());
            if (joined) {
                sendPath.lockOut();
                tun.close();
                wake.close();
            } else {
                adapter.log(WintunLogLevel.ERR, "The session threads of \"" + adapter.name()
                        + "\" did not stop; leaving their descriptors open rather than closing them under a call");
            }
            receiveWriter.close();
            sendPath.close();
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
