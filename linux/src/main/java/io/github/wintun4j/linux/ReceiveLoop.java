// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.linux.sys.PollFds;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receive thread of a Linux session. It reads the TUN descriptor ({@link ReceivePath}) only
 * while a receiver waits for the receive ring's signal: a receiving thread that finds the ring
 * empty reads for itself, so this thread does not wake for data that thread is about to read.
 *
 * <p>While nobody waits, it polls the descriptor for errors only (a deleted device ends the
 * session at once, whether anybody receives or not) and the pump's eventfd. A receiver that starts
 * to wait raises the eventfd unless this thread serves waiters already ({@link #readerWaiting()}, run by the ring's
 * signal after the receiver marked the ring alertable), and this thread then polls for
 * {@code POLLIN} too. The eventfd also stops the thread: {@link PacketPump#stop()} sets
 * {@link #stop()} first and raises it for good; this thread resets it only while not stopping, and
 * raises it again when a stop came in between, so that the send thread, which polls it too, sees
 * the stop. POLLERR/POLLHUP/POLLNVAL: the device is gone.
 *
 * <p>Threading: {@link #run()} on its own thread; {@link #stop()} and {@link #readerWaiting()} on any.
 */
final class ReceiveLoop implements Runnable {

    /** Bursts read per wake-up before the eventfd and the waiters are looked at again. */
    private static final int BURSTS_PER_POLL = 4;
    /**
     * A safety net only: the eventfd wakes the receive thread at once. It also bounds how long a
     * receiver waits for this thread when raising the eventfd failed.
     */
    static final int POLL_TIMEOUT_MILLIS = 1000;

    /** Requested events of a descriptor polled for errors only (POLLERR and POLLHUP are always reported). */
    private static final short NO_EVENTS = 0;

    private final LinuxSyscalls sys;
    private final Fd tun;
    private final Fd wake;
    private final Ring receiveRing;
    private final ReceivePath path;
    private final SendPath.Faults faults;
    private final ByteBuffer eventfdValue = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    /** The value 1 that waiters write to the eventfd; each uses a duplicate (positions are per buffer). */
    private final ByteBuffer one = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putLong(0, 1L);
    private volatile boolean stopping;
    /** Set before the eventfd is closed; with {@link #raising}, keeps waiters' writes off a closed number. */
    private volatile boolean closing;
    /** Waiters inside {@link #readerWaiting()} now. */
    private final AtomicInteger raising = new AtomicInteger();
    /**
     * Whether this thread polls for {@code POLLIN} for waiting receivers; while it does not (it polls
     * for errors only, or has not polled yet), a receiver that starts to wait raises the eventfd.
     */
    private volatile boolean serving;

    ReceiveLoop(LinuxAdapter adapter, Fd tun, Fd wake, Ring receiveRing, ReceivePath path, SendPath.Faults faults) {
        this.sys = adapter.sys();
        this.tun = tun;
        this.wake = wake;
        this.receiveRing = receiveRing;
        this.path = path;
        this.faults = faults;
    }

    /** Ends the loop at its next look; the caller raises the eventfd to end a poll in progress. */
    void stop() {
        stopping = true;
    }

    /**
     * The receive ring's waiter listener: a receiver marked the ring alertable and is about to wait.
     * Raises the eventfd when this thread polls for errors only. Never throws: when the eventfd
     * cannot be raised, this thread looks at the waiters at its next poll timeout.
     */
    void readerWaiting() {
        raising.incrementAndGet();
        try {
            if (!serving && !closing) {
                sys.write(wake.number(), one.duplicate());
            }
        } catch (ErrnoException | RuntimeException e) {
            // the poll timeout is the safety net (see the class comment)
        } finally {
            raising.decrementAndGet();
        }
    }

    /**
     * Before the eventfd is closed: from now on no waiter writes to it, and none is writing when
     * this returns (a write to a closed number could reach a file that reused it).
     */
    void closeEventfdToWaiters() {
        closing = true;
        while (raising.get() != 0) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Override
    public void run() {
        try {
            PollFds fds = new PollFds(2).set(1, wake.number(), LinuxAbi.POLLIN);
            while (!stopping) {
                fds.set(0, tun.number(), waitersOrIdle() ? LinuxAbi.POLLIN : NO_EVENTS);
                fds.clearRevents();
                try {
                    sys.poll(fds.buffer(), fds.count(), POLL_TIMEOUT_MILLIS);
                } catch (ErrnoException e) {
                    if (e.errno() == Errno.EINTR) {
                        continue;
                    }
                    throw e;
                }
                if (stopping || ((fds.revents(1) & LinuxAbi.POLLIN) != 0 && !resetWake())) {
                    return;
                }
                short events = fds.revents(0);
                if ((events & (LinuxAbi.POLLERR | LinuxAbi.POLLHUP | LinuxAbi.POLLNVAL)) != 0) {
                    faults.deviceGone("poll reported 0x" + Integer.toHexString(events & 0xFFFF));
                    return;
                }
                if ((events & LinuxAbi.POLLIN) != 0 && !path.fillForWaiters(BURSTS_PER_POLL, () -> stopping)) {
                    return;
                }
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            faults.failed("the receive thread", e);
        }
    }

    /**
     * @return whether a receiver waits now (this thread then serves it); when none does, this
     *         thread is marked as not serving before the last look, so that a receiver that starts to
     *         wait after that look raises the eventfd (both sides write, fence, then read: one of
     *         them sees the other)
     */
    private boolean waitersOrIdle() {
        if (receiveRing.hasWaitingReaders()) {
            serving = true;
            return true;
        }
        serving = false;
        VarHandle.fullFence();
        if (receiveRing.hasWaitingReaders()) {
            serving = true;
            return true;
        }
        return false;
    }

    /**
     * Reads the eventfd back to zero after a waiter raised it.
     *
     * @return {@code false} when the loop must stop (a stop came in; the eventfd is left raised)
     */
    private boolean resetWake() throws ErrnoException {
        if (stopping) {
            return false;
        }
        while (true) {
            try {
                eventfdValue.clear();
                sys.read(wake.number(), eventfdValue);
                break;
            } catch (ErrnoException e) {
                if (e.errno() == Errno.EAGAIN) {
                    break;      // nothing to take back: the poll woke for something else
                }
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
            }
        }
        if (stopping) {
            // The stop may have raised the eventfd before this read took it back: raise it again,
            // for the send thread.
            eventfdValue.clear();
            eventfdValue.putLong(0, 1L);
            sys.write(wake.number(), eventfdValue);
            return false;
        }
        return true;
    }
}
