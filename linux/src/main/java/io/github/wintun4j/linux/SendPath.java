package io.github.wintun4j.linux;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.linux.sys.PollFds;
import io.github.wintun4j.internal.DriverPacketRules;
import io.github.wintun4j.internal.ring.DriverReader;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The driver side of a session's send ring: {@code write()}s its records to the TUN descriptor,
 * in ring order, dropping and counting non-IP packets (wintun-reference section 4).
 *
 * <p><b>Who writes.</b> Mostly the application's own thread, right after its send
 * ({@link #afterSend()}, the session's {@code afterSend} hook): the packet reaches the kernel on
 * the thread that sent it, as with a C program's {@code write()}, without waking another thread
 * (measured in benchmarks/RESULTS-relay.md: 7 to 8 % less CPU per byte through a TCP relay; the
 * price is a thread fewer to spread a flood of small packets over). A sender writes at most
 * {@link #INLINE_BUDGET} records per send, so that a thread is not kept writing other threads'
 * packets; what is left goes to this path's own thread ({@link #start()}), which also retries a
 * packet the kernel refused with {@code EAGAIN}.
 *
 * <p><b>Order.</b> One writer at a time: a thread writes only while it holds the token; a thread
 * that finds it taken returns at once and leaves its records to the holder, which looks at the
 * ring again after it gave the token back. So the wire order is the ring order.
 *
 * <p><b>Never blocking.</b> The descriptor is {@code O_NONBLOCK}: a {@code write()} does the
 * kernel's work on the packet (forwarding, delivery) and returns; when the device's send buffer is
 * full (TUN allows {@code INT_MAX} bytes in flight, so in practice never) it fails with
 * {@code EAGAIN}. Such a packet is kept, the records after it stay in the ring, and this path's
 * thread waits for {@code POLLOUT} and writes them, in order.
 *
 * <p><b>Errors.</b> {@code EBADFD}: the device is gone, the session ends ({@link Faults#deviceGone}).
 * {@code EIO} (interface down) and {@code EINVAL} (a packet the kernel refuses): dropped and
 * counted, as the driver drops what the stack does not take. Both are reported once the writing
 * thread has given the token back, never while it holds it: the report reaches the application's
 * logger, and a logger that closes the session would otherwise wait for its own thread.
 *
 * <p>Thread-safe: {@link #afterSend()} on any thread; {@link #stop()} and {@link #lockOut()} by the
 * pump that owns the descriptor.
 */
final class SendPath {

    /** What a sender's thread writes per send at most, besides its own packet's predecessors. */
    static final int INLINE_BUDGET = 64;
    /** A safety net only: senders hand over work explicitly. */
    private static final long HANDOFF_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int POLL_TIMEOUT_MILLIS = 1000;

    /** What ends the session when this path fails. */
    interface Faults {
        /** The device went away: end both rings. */
        void deviceGone(String why);

        /** An unexpected failure: log it and end both rings. */
        void failed(String where, Throwable e);
    }

    /** Outcomes of one drain by the token holder. */
    private enum Drained { EMPTY, MORE, STALLED }

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final Fd wake;
    private final DriverReader reader;
    private final Faults faults;
    private final Thread thread;
    /** Held by the thread writing to the descriptor; taken for good by {@link #lockOut()}. */
    private final AtomicBoolean token = new AtomicBoolean();
    /** Made once: a method reference made per drain would be an allocation per packet. */
    private final DriverReader.RecordSink sink = this::writeRecord;
    private final Object handoff = new Object();
    private volatile boolean handoffWanted;
    private volatile boolean stopping;
    /** A packet refused with EAGAIN, written before any later record; guarded by the token. */
    private ByteBuffer retry;
    private volatile boolean retryPending;
    private boolean writeFailureLogged;
    /**
     * Why the device is gone, found by a write; set once and kept, so that no later write tries
     * again; reported once ({@link #goneReported}) after the token is given back.
     */
    private volatile String deviceGoneReason;
    private final AtomicBoolean goneReported = new AtomicBoolean();
    /** A warning found by a write, to log once the token is given back; guarded by the token. */
    private String pendingWarning;

    SendPath(LinuxAdapter adapter, Fd tun, Fd wake, DriverReader reader, Faults faults) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.wake = wake;
        this.reader = reader;
        this.faults = faults;
        this.thread = new Thread(this::run, "wintun4j-tx-" + adapter.name());
        thread.setDaemon(true);
    }

    Thread thread() {
        return thread;
    }

    void start() {
        thread.start();
    }

    /**
     * Writes what is in the send ring, on the calling thread: run after each send. Returns at once
     * when another thread is writing (that thread takes this one's records too). Never throws: a
     * failure ends the session, the packet itself was sent.
     */
    void afterSend() {
        try {
            Drained outcome = drainWhileFree(INLINE_BUDGET);
            if (outcome == Drained.MORE || outcome == Drained.STALLED) {
                requestHandoff();
            }
        } catch (RuntimeException | Error e) {
            faults.failed("a send on \"" + Thread.currentThread().getName() + '"', e);
        }
    }

    /**
     * Drains while this thread gets the token, up to {@code budget} records per turn.
     *
     * @return {@code null} when another thread holds the token (it takes the records), else the
     *         outcome of the last turn
     */
    private Drained drainWhileFree(int budget) {
        while (token.compareAndSet(false, true)) {
            Drained outcome;
            String warning;
            try {
                outcome = drainHeld(budget);
            } finally {
                warning = pendingWarning;
                pendingWarning = null;
                token.set(false);
                // Reported without the token, also when the drain failed: both reach the
                // application's logger, which may close the session, and closing waits until no
                // thread holds the token (lockOut).
                reportAfterRelease(warning);
            }
            if (deviceGoneReason != null) {
                return Drained.EMPTY;
            }
            if (outcome != Drained.EMPTY) {
                return outcome;
            }
            // A sender that published after this thread's last look at the ring and then found the
            // token taken left its records to this thread: look again, after the token is free
            // (the fence orders the Tail read after the token store; the sender's CAS is a fence).
            VarHandle.fullFence();
            if (reader.isEnded() || !reader.isReadable()) {
                return Drained.EMPTY;
            }
        }
        return null;
    }

    private void reportAfterRelease(String warning) {
        if (warning != null) {
            adapter.log(WintunLogLevel.WARN, warning);
        }
        String gone = deviceGoneReason;
        if (gone != null && goneReported.compareAndSet(false, true)) {
            faults.deviceGone(gone);
        }
    }

    /** Writes the kept packet, then records in ring order; only with the token held. */
    private Drained drainHeld(int budget) {
        if (retryPending) {
            if (!writePacket(retry)) {
                return Drained.STALLED;
            }
            retryPending = false;
        }
        // One record per drain: a record is consumed once the sink returns, and the one refused
        // with EAGAIN must stop the drain before the records behind it.
        for (int taken = 0; taken < budget; taken++) {
            if (reader.drain(sink, 1) == 0 || deviceGoneReason != null) {
                return Drained.EMPTY;
            }
            if (retryPending) {
                return Drained.STALLED;
            }
        }
        return Drained.MORE;
    }

    private void writeRecord(ByteBuffer record) {
        if (!DriverPacketRules.acceptsFromApplication(record)) {
            adapter.counters().nonIpDropped();
            return;
        }
        if (!writePacket(record)) {
            if (retry == null) {
                retry = ByteBuffer.allocateDirect(WintunConstants.MAX_IP_PACKET_SIZE);
            }
            retry.clear().put(record).flip();
            retryPending = true;
        }
    }

    /** @return {@code false} only for EAGAIN (the packet is to be written again later) */
    private boolean writePacket(ByteBuffer packet) {
        if (reader.ring().isTerminated() || deviceGoneReason != null) {
            return true;    // the session is ending: nothing more reaches the device
        }
        try {
            sys.write(tun.number(), packet);
            return true;
        } catch (ErrnoException e) {
            switch (e.errno()) {
                case Errno.EAGAIN:
                    return false;
                case Errno.EBADFD:
                    deviceGoneReason = "write reported EBADFD";
                    return true;
                default:
                    dropRefused(e);
                    return true;
            }
        }
    }

    /** EIO while the interface is down, EINVAL for a packet the kernel refuses: dropped and counted. */
    private void dropRefused(ErrnoException e) {
        adapter.counters().outboundDropped();
        if (!writeFailureLogged) {
            writeFailureLogged = true;
            pendingWarning = "Dropping packets the kernel refuses on \"" + adapter.name()
                    + "\": write " + e.getMessage() + (e.errno() == Errno.EIO ? " (is the interface down?)" : "");
        }
    }

    private void requestHandoff() {
        handoffWanted = true;
        synchronized (handoff) {
            handoff.notifyAll();
        }
    }

    /** The send thread: what senders left, and the packets after an EAGAIN. */
    private void run() {
        try {
            PollFds writable = new PollFds(2)
                    .set(0, tun.number(), LinuxAbi.POLLOUT)
                    .set(1, wake.number(), LinuxAbi.POLLIN);
            while (!stopping && !reader.isEnded()) {
                handoffWanted = false;
                Drained outcome = drainWhileFree(Integer.MAX_VALUE);
                if (outcome == Drained.STALLED) {
                    awaitWritable(writable);
                } else if (outcome != Drained.MORE) {
                    awaitHandoff();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ErrnoException | RuntimeException | Error e) {
            faults.failed("the send thread", e);
        }
    }

    private void awaitHandoff() throws InterruptedException {
        long deadline = System.nanoTime() + HANDOFF_WAIT_NANOS;
        synchronized (handoff) {
            while (!handoffWanted && !stopping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;     // the safety net: look at the ring anyway
                }
                TimeUnit.NANOSECONDS.timedWait(handoff, left);
            }
        }
    }

    private void awaitWritable(PollFds fds) throws ErrnoException {
        fds.clearRevents();
        try {
            sys.poll(fds.buffer(), fds.count(), POLL_TIMEOUT_MILLIS);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EINTR) {
                throw e;
            }
        }
    }

    /** Ends the send thread soon; the pump wakes its poll through the eventfd. */
    void stop() {
        stopping = true;
        synchronized (handoff) {
            handoff.notifyAll();
        }
    }

    /**
     * Waits until no thread is writing and takes the token for good: from then on no sender
     * touches the descriptor, so that the pump may close it. Writes are non-blocking and a turn is
     * at most {@link #INLINE_BUDGET} records, so the wait is short.
     */
    void lockOut() {
        while (!token.compareAndSet(false, true)) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Closes the ring end; after {@link #lockOut()}. */
    void close() {
        reader.close();
    }
}
