// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.internal.ring.SpinPolicy;
import io.github.wintun4j.windows.sys.Kernel32;
import io.github.wintun4j.windows.sys.WindowsAbi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a {@link WindowsSession} waits for packets: the blocking receive and {@code awaitReadable}.
 *
 * <p>{@code WintunReceivePacket} never waits: on an empty ring it answers {@code ERROR_NO_MORE_ITEMS}
 * at once ({@code api/session.c}), and the application waits on the read-wait event
 * ({@code WintunGetReadWaitEvent}, the driver's auto-reset "tail moved" event). How long to spin
 * first is the application's rule; this one is the same as on every other backend, {@link SpinPolicy}:
 * wireguard-go's ({@code tun/tun_windows.go}, {@code Read}: it spins with {@code procyield} for at most
 * {@code spinloopDuration}, 12.5 µs, and only while its measured rate is at least
 * {@code spinloopRateThreshold}, 800 Mbit/s; otherwise it waits on the event at once).
 *
 * <p>After the spin, it waits on the read-wait event and the session's close event together, in
 * slices of {@value #WAIT_SLICE_MILLIS} ms (so that an interrupt is seen), inside the session's
 * {@link CallGuard}. One signal of the auto-reset event wakes one waiter: a waiter that wakes, finds a
 * packet and sees other waiters passes the signal on; a waiter of {@code awaitReadable} that takes the
 * signal while another thread holds the receive side passes it on to that thread.
 *
 * <p>Threading: any number of threads; the spin policy's counters are hints, as in {@link SpinPolicy}.
 */
final class ReadWait {

    static final int WAIT_SLICE_MILLIS = 50;

    private enum Wake { READ_EVENT, CLOSED, TIMEOUT }

    private final WindowsSession session;
    private final Kernel32 kernel32;
    private final long readEvent;
    private final ByteBuffer waitHandles = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    private final AtomicInteger waiters = new AtomicInteger();
    private final SpinPolicy spinPolicy = new SpinPolicy();

    ReadWait(WindowsSession session, Kernel32 kernel32, long readEvent, long closeEvent) {
        this.session = session;
        this.kernel32 = kernel32;
        this.readEvent = readEvent;
        waitHandles.putLong(0, readEvent).putLong(8, closeEvent);
    }

    /**
     * The blocking receive.
     *
     * @param claimed whether the caller is the receive side's claimant (its receives take no lock)
     */
    Packet awaitPacket(long nanos, boolean claimed) throws InterruptedException {
        Packet packet = session.receiveOnce(claimed);
        if (packet != null) {
            return counted(packet);
        }
        if (nanos == 0) {
            return null;
        }
        long start = System.nanoTime();
        if (spinPolicy.shouldSpin(start)) {
            long spin = Math.min(SpinPolicy.SPIN_NANOS, nanos);
            while (System.nanoTime() - start < spin) {
                packet = session.receiveOnce(claimed);
                if (packet != null) {
                    return counted(packet);
                }
                Thread.onSpinWait();
            }
        }
        if (!session.guard.enter()) {
            throw session.access.closedFor(session.claims.receive, ReceiveSide.RECEIVE);
        }
        try {
            return counted(waitForPacket(start, nanos, claimed));
        } finally {
            session.guard.exit();
        }
    }

    private Packet counted(Packet packet) {
        if (packet != null) {
            spinPolicy.received(packet.size());
        }
        return packet;
    }

    private Packet waitForPacket(long start, long nanos, boolean claimed) throws InterruptedException {
        while (true) {
            long left = nanos - (System.nanoTime() - start);
            if (left <= 0) {
                return null;
            }
            Wake wake;
            Packet packet;
            waiters.incrementAndGet();
            try {
                packet = session.receiveOnce(claimed); // the last look, counted as a waiter: no lost signal
                if (packet != null) {
                    return packet;
                }
                wake = waitForReadEvent(left);
            } finally {
                waiters.decrementAndGet();
            }
            if (wake == Wake.CLOSED) {
                throw session.access.closedFor(session.claims.receive, ReceiveSide.RECEIVE);
            }
            packet = session.receiveOnce(claimed);
            if (packet != null) {
                if (wake == Wake.READ_EVENT && waiters.get() > 0) {
                    kernel32.SetEvent(readEvent); // pass the auto-reset event's one wake-up on
                }
                return packet;
            }
        }
    }

    boolean awaitReadable(long nanos) throws InterruptedException {
        if (!session.guard.enter()) {
            return true;
        }
        try {
            long start = System.nanoTime();
            while (true) {
                waiters.incrementAndGet();
                Wake wake;
                try {
                    if (session.isReadable()) {
                        return true;
                    }
                    long left = nanos - (System.nanoTime() - start);
                    if (left <= 0) {
                        return false;
                    }
                    wake = waitForReadEvent(left);
                } finally {
                    waiters.decrementAndGet();
                }
                if (wake == Wake.CLOSED) {
                    return true;
                }
                SessionClaims.Side receive = session.claims.receive;
                if (wake == Wake.READ_EVENT && receive.isClaimed() && !receive.isHeldByCaller()) {
                    kernel32.SetEvent(readEvent); // the claimant may be waiting for the one wake-up just taken
                    return true;
                }
            }
        } finally {
            session.guard.exit();
        }
    }

    /** One slice of waiting on the read-wait event and the close event; inside the guard. */
    private Wake waitForReadEvent(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for a packet");
        }
        int millis = (int) Math.max(1, Math.min(WAIT_SLICE_MILLIS, (nanos + 999_999) / 1_000_000));
        int result = kernel32.WaitForMultipleObjects(2, waitHandles, false, millis);
        if (result == WindowsAbi.WAIT_OBJECT_0) {
            return Wake.READ_EVENT;
        }
        if (result == WindowsAbi.WAIT_OBJECT_0 + 1) {
            return Wake.CLOSED;
        }
        if (result == WindowsAbi.WAIT_TIMEOUT) {
            return Wake.TIMEOUT;
        }
        throw WindowsErrors.of("WaitForMultipleObjects", kernel32.lastError(), "waiting for the read-wait event");
    }
}
