// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.internal.ring.DriverWriter;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The driver side of a session's receive ring: reads the TUN descriptor into the ring, in read
 * order, on demand. The counterpart of {@link SendPath}.
 *
 * <p><b>Who reads.</b> Mostly the application's own thread: a receive that finds the ring empty
 * reads a burst itself ({@link #fillOnDemand()}, the session's {@code fillWhenEmpty} hook), as a C
 * program reads on the thread that handles the packets, without waking another thread. The
 * session's receive thread ({@link ReceiveLoop}) reads only while a receiver waits for the ring's
 * signal. So packets that nobody receives stay in the kernel's queue for the device, which drops
 * beyond {@code txqueuelen} (as Wintun drops beyond the ring); they are not read into the ring
 * ahead of a receiver.
 *
 * <p><b>No copy in between.</b> Without offloads each packet is read straight into the next record
 * of the ring ({@link DriverWriter#reserve}) and a burst is published at once. While the ring has
 * no room for a packet of the largest size, a packet is read into a buffer of this path and copied
 * in if it fits, else dropped and counted: the driver's rule. A burst reads no further once that
 * happened, so that what the ring cannot take stays in the kernel. With offloads a read is split
 * first ({@link ReceiveBurst}) and its packets are copied in.
 *
 * <p><b>Order.</b> A thread reads only while it holds the read {@link TurnToken}; an application
 * thread that finds it taken returns at once (the holder publishes soon, and wakes waiters).
 *
 * <p><b>Failures.</b> {@code EBADFD}: the device is gone; any other {@code errno} but
 * {@code EAGAIN}/{@code EINTR} ends the session; both are reported after the token is given back
 * (the report reaches the application's logger, which may close the session, and closing waits
 * for the token). Never throws to the application: its receive then finds the ring ended.
 *
 * <p>Thread-safe.
 */
final class ReceivePath {

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final DriverWriter writer;
    private final SendPath.Faults faults;
    private final TurnToken token = new TurnToken();
    /** Offloads: reads and their segments; {@code null} without offloads. */
    private final ReceiveBurst offloaded;
    /** Without offloads: where a packet is read while the ring has no room for the largest. */
    private final ByteBuffer overflow;
    /** What the last burst ended with that must be reported: a failure or a gone device; guarded by the token. */
    private Throwable failure;
    private boolean gone;

    ReceivePath(LinuxAdapter adapter, Fd tun, DriverWriter writer, SendPath.Faults faults, TunOffloads offloads) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.writer = writer;
        this.faults = faults;
        this.offloaded = offloads.active() ? new ReceiveBurst(adapter.counters()) : null;
        this.overflow = offloads.active() ? null : ByteBuffer.allocateDirect(WintunConstants.MAX_IP_PACKET_SIZE);
    }

    /**
     * The session's {@code fillWhenEmpty} hook: reads one burst on the calling thread, unless
     * another thread is reading (it publishes soon) or the ring ended. Never throws.
     */
    void fillOnDemand() {
        if (writer.isEnded() || !token.tryTake()) {
            return;
        }
        burstHeld();
    }

    /**
     * Reads up to {@code bursts} bursts for waiting receivers, on the receive thread: waits its turn
     * while an application thread reads (briefly: its reads do not block).
     *
     * @return whether to go on: {@code false} when the ring ended or the device is gone
     */
    boolean fillForWaiters(int bursts, BooleanSupplier stopping) {
        if (!token.take(() -> stopping.getAsBoolean() || writer.isEnded())) {
            return false;
        }
        for (int i = 0; i < bursts; i++) {
            int ended = burstHeldKeepingToken();
            if (ended != 0) {
                break;
            }
        }
        report();
        return !writer.isEnded();
    }

    /** One burst with the token held; gives it back and reports. */
    private void burstHeld() {
        burstHeldKeepingToken();
        report();
    }

    /**
     * Reads one burst into the ring and publishes it; the token is held and stays held.
     *
     * @return 0 when more may be waiting, else what ended the burst (an errno, or -1 after a failure)
     */
    private int burstHeldKeepingToken() {
        try {
            int ended = offloaded != null ? burstOffloaded() : burstPlain();
            switch (ended) {
                case 0:
                case Errno.EAGAIN:
                    return ended;
                case Errno.EBADFD:
                    gone = true;
                    return ended;
                default:
                    failure = new ErrnoException("read", ended);
                    return ended;
            }
        } catch (RuntimeException | Error e) {
            writer.cancel();
            failure = e;
            return -1;
        }
    }

    /** Gives the token back, then reports what the burst found (see the class comment). */
    private void report() {
        Throwable failed = failure;
        boolean deviceGone = gone;
        failure = null;
        gone = false;
        token.giveBack();
        if (deviceGone) {
            faults.deviceGone("read reported EBADFD");
        } else if (failed != null) {
            faults.failed("a read of the TUN descriptor on \"" + Thread.currentThread().getName() + '"', failed);
        }
    }

    /** Without offloads: reads straight into the ring's records, then publishes them at once. */
    private int burstPlain() {
        InboundObserver observer = adapter.inboundObserver();
        try {
            for (int reads = 0; reads < ReceiveBurst.MAX_READS; reads++) {
                ByteBuffer record = writer.reserve(WintunConstants.MAX_IP_PACKET_SIZE);
                if (record == null) {
                    return writer.isEnded() ? Errno.EAGAIN : readOverflow(observer);
                }
                int size = read(record);
                if (size < 0) {
                    writer.cancel();
                    return -size;
                }
                writer.commit(size);
                if (observer != null) {
                    observer.handled(record.limit(record.position() + size), true);
                }
            }
            return 0;
        } finally {
            writer.publish();
        }
    }

    /**
     * The ring has no room for a packet of the largest size: reads one packet aside and copies it
     * in if it fits, else drops and counts it (the driver's rule); the burst ends there.
     */
    private int readOverflow(InboundObserver observer) {
        writer.publish();   // what this burst read so far goes first
        overflow.clear();
        int size = read(overflow);
        if (size < 0) {
            return -size;
        }
        writeOrDrop(overflow.limit(size), observer);
        return Errno.EAGAIN;    // not read further: the rest waits in the kernel until the ring has room
    }

    /** With offloads: one burst of reads, split, then copied in with one publication. */
    private int burstOffloaded() {
        int ended = offloaded.fill(sys, tun.number(), writer.freeBytes());
        if (!offloaded.isEmpty()) {
            publishBurst(offloaded);
        }
        return ended;
    }

    /**
     * Writes a burst into the receive ring with one publication. When it does not fit whole, each
     * packet goes in on its own while there is room and the others are dropped and counted: Linux
     * handed them over one by one, so each is a batch of its own for the driver's rule.
     */
    private void publishBurst(ReceiveBurst burst) {
        InboundObserver observer = adapter.inboundObserver();
        if (writer.writeBatch(burst)) {
            if (observer != null) {
                for (int i = 0; i < burst.size(); i++) {
                    observer.handled(burst.get(i), true);
                }
            }
            return;
        }
        for (int i = 0; i < burst.size(); i++) {   // indexed: an iterator would be an allocation per burst
            writeOrDrop(burst.get(i), observer);
        }
    }

    /** Copies one packet in, or drops and counts it when it does not fit (the driver's rule). */
    private void writeOrDrop(ByteBuffer packet, InboundObserver observer) {
        boolean written = writer.write(packet);
        if (!written && !writer.isEnded()) {
            adapter.counters().inboundDropped();
        }
        if (observer != null) {
            observer.handled(packet, written);
        }
    }

    private int read(ByteBuffer into) {
        return ReceiveBurst.read(sys, tun.number(), into);
    }

    /**
     * Runs {@code action} as the reader of the descriptor, for the test fixtures that write into the
     * receive ring as the driver would (waits for the turn).
     */
    <T> T asReader(Supplier<T> action) {
        token.take(() -> false);
        try {
            return action.get();
        } finally {
            token.giveBack();
        }
    }

    /** Waits until no thread is reading and takes the token for good, so that the pump may close the descriptor. */
    void lockOut() {
        token.lockOut();
    }
}
