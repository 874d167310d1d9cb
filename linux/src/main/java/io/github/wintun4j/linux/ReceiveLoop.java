// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.linux.sys.PollFds;
import io.github.wintun4j.internal.ring.DriverWriter;

import java.nio.ByteBuffer;

/**
 * The receive thread of a Linux session: {@code poll()}s the TUN descriptor and the pump's eventfd,
 * reads what is waiting in bursts ({@link ReceiveBurst}) and writes each burst into the receive ring
 * with one publication ({@link DriverWriter#writeBatch}). A packet that does not fit is dropped and
 * counted, as the driver drops a batch that does not fit (Linux hands packets over one by one, so
 * each is a batch of its own). POLLERR/POLLHUP/POLLNVAL or {@code EBADFD}: the device is gone.
 *
 * <p>Threading: {@link #run()} on its own thread; {@link #stop()} on any (the pump then raises the
 * eventfd, which ends the poll at once).
 */
final class ReceiveLoop implements Runnable {

    /** Bursts read per wake-up before the eventfd is looked at again. */
    private static final int BURSTS_PER_POLL = 4;
    /** A safety net only: the eventfd wakes the receive thread at once. */
    static final int POLL_TIMEOUT_MILLIS = 1000;

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final Fd wake;
    private final DriverWriter receiveWriter;
    private final SendPath.Faults faults;
    private final TunOffloads offloads;
    private volatile boolean stopping;

    ReceiveLoop(LinuxAdapter adapter, Fd tun, Fd wake, DriverWriter receiveWriter, SendPath.Faults faults,
                TunOffloads offloads) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.wake = wake;
        this.receiveWriter = receiveWriter;
        this.faults = faults;
        this.offloads = offloads;
    }

    /** Ends the loop at its next look; the caller raises the eventfd to end a poll in progress. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            PollFds fds = new PollFds(2)
                    .set(0, tun.number(), LinuxAbi.POLLIN)
                    .set(1, wake.number(), LinuxAbi.POLLIN);
            ReceiveBurst burst = new ReceiveBurst(offloads.active(), adapter.counters());
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
                    faults.deviceGone("poll reported 0x" + Integer.toHexString(events & 0xFFFF));
                    return;
                }
                if ((events & LinuxAbi.POLLIN) != 0 && !readAvailable(burst)) {
                    return;
                }
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            faults.failed("the receive thread", e);
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
                    faults.deviceGone("read reported EBADFD");
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
}
