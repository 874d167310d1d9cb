// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.linux.sys.PollFds;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The send path's own thread: writes what the senders left ({@link SendPath#INLINE_BUDGET} per send),
 * and the packets after an {@code EAGAIN}, waiting for {@code POLLOUT} (or the pump's eventfd) first.
 * Senders hand work over explicitly ({@link #requestHandoff()}); a timed wait is only a safety net.
 *
 * <p>Threading: {@link #requestHandoff()} and {@link #stop()} on any thread.
 */
final class SendThread {

    /** A safety net only: senders hand over work explicitly. */
    private static final long HANDOFF_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int POLL_TIMEOUT_MILLIS = 1000;

    private final SendPath path;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final Fd wake;
    private final Thread thread;
    private final Object handoff = new Object();
    private final AtomicBoolean handoffWanted = new AtomicBoolean();
    private volatile boolean stopping;

    SendThread(SendPath path, LinuxAdapter adapter, Fd tun, Fd wake) {
        this.path = path;
        this.sys = adapter.sys();
        this.tun = tun;
        this.wake = wake;
        this.thread = new Thread(this::run, "wintun4j-tx-" + adapter.name());
        thread.setDaemon(true);
    }

    Thread thread() {
        return thread;
    }

    void start() {
        thread.start();
    }

    /** A sender left records or a stalled packet: wake the thread. */
    void requestHandoff() {
        handoffWanted.set(true);
        synchronized (handoff) {
            handoff.notifyAll();
        }
    }

    /** Ends the thread soon; the pump wakes its poll through the eventfd. */
    void stop() {
        stopping = true;
        synchronized (handoff) {
            handoff.notifyAll();
        }
    }

    private void run() {
        try {
            PollFds writable = new PollFds(2)
                    .set(0, tun.number(), LinuxAbi.POLLOUT)
                    .set(1, wake.number(), LinuxAbi.POLLIN);
            SendPath.Drained outcome = SendPath.Drained.EMPTY;
            while (!stopping && !path.isEnded()) {
                boolean wanted = handoffWanted.getAndSet(false);   // a hand-off after this is seen at the next turn
                // Only with something to write: taking the token for an empty ring (at start, or
                // at the safety net's timeout) would make a sender that sends at that moment leave
                // its packet to this thread instead of writing it itself.
                if (wanted || outcome != SendPath.Drained.EMPTY || path.hasRecords()) {
                    outcome = path.drainWhileFree(Integer.MAX_VALUE, true);
                    if (outcome == null) {
                        outcome = SendPath.Drained.EMPTY;   // another thread writes: it hands back what it leaves
                    }
                }
                if (outcome == SendPath.Drained.STALLED) {
                    awaitWritable(writable);
                } else if (outcome != SendPath.Drained.MORE) {
                    awaitHandoff();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ErrnoException | RuntimeException | Error e) {
            path.failed("the send thread", e);
        }
    }

    private void awaitHandoff() throws InterruptedException {
        long deadline = System.nanoTime() + HANDOFF_WAIT_NANOS;
        synchronized (handoff) {
            while (!handoffWanted.get() && !stopping) {
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
}
