// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.internal.ring.DriverReader;

import java.lang.invoke.VarHandle;

/**
 * The driver side of a session's send ring: {@code write()}s its records to the TUN descriptor, in
 * ring order. This class decides who writes and when; {@link TunWrites} writes one record and maps
 * its {@code errno}, {@link TurnToken} keeps one writer at a time, {@link SendReports} reports what
 * the writes found, and {@link SendThread} writes what senders leave.
 *
 * <p><b>Who writes.</b> Mostly the application's own thread, right after its send
 * ({@link #afterSend()}, the session's {@code afterSend} hook): the packet reaches the kernel on
 * the thread that sent it, as with a C program's {@code write()}, without waking another thread
 * (measured in benchmarks/RESULTS-relay.md: 7 to 8 % less CPU per byte through a TCP relay; the
 * price is a thread fewer to spread a flood of small packets over). A sender writes at most
 * {@link #INLINE_BUDGET} records per send, so that a thread is not kept writing other threads'
 * packets; what is left goes to the {@link SendThread}, which also retries a packet the kernel
 * refused with {@code EAGAIN}.
 *
 * <p><b>Order.</b> A thread writes only while it holds the token; a thread that finds it taken
 * returns at once and leaves its records to the holder, which looks at the ring again after it gave
 * the token back. So the wire order is the ring order.
 *
 * <p><b>Never blocking.</b> The descriptor is {@code O_NONBLOCK}; a packet refused with
 * {@code EAGAIN} is kept, the records after it stay in the ring, and the send thread waits for
 * {@code POLLOUT} and writes them, in order.
 *
 * <p>Thread-safe: {@link #afterSend()} on any thread; {@link #stop()} and {@link #lockOut()} by the
 * pump that owns the descriptor.
 */
final class SendPath {

    /** What a sender's thread writes per send at most, besides its own packet's predecessors. */
    static final int INLINE_BUDGET = 64;

    /** What ends the session when this path fails. */
    interface Faults {
        /** The device went away: end both rings. */
        void deviceGone(String why);

        /** An unexpected failure: log it and end both rings. */
        void failed(String where, Throwable e);

        /**
         * Ends both rings at once, without logging: for a thread that holds a token and found the
         * device gone; the report ({@link #deviceGone}) follows once the token is given back.
         */
        void endRings();
    }

    /**
     * Outcomes of one drain by the token holder: the ring is empty; records are left; a packet
     * waits for {@code POLLOUT}; the ring is empty but an offload batch waits for more records
     * (the send thread writes it, see {@link TunWrites#flush(boolean)}).
     */
    enum Drained { EMPTY, MORE, STALLED, PENDING }

    private final DriverReader reader;
    private final Faults faults;
    private final TurnToken token = new TurnToken();
    private final SendReports reports;
    private final TunWrites writes;
    private final SendThread thread;

    SendPath(LinuxAdapter adapter, Fd tun, Fd wake, DriverReader reader, Faults faults, TunOffloads offloads) {
        this.reader = reader;
        this.faults = faults;
        this.reports = new SendReports(adapter, faults);
        this.writes = new TunWrites(adapter, tun, reader, reports, offloads);
        this.thread = new SendThread(this, adapter, tun, wake);
    }

    Thread thread() {
        return thread.thread();
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
            Drained outcome = drainWhileFree(INLINE_BUDGET, false);
            if (outcome == Drained.MORE || outcome == Drained.STALLED || outcome == Drained.PENDING) {
                thread.requestHandoff();
            }
        } catch (RuntimeException | Error e) {
            faults.failed("a send on \"" + Thread.currentThread().getName() + '"', e);
        }
    }

    /**
     * Drains while this thread gets the token, up to {@code budget} records per turn.
     *
     * @param flushOpen whether an offload batch that could take more records is written too
     *
     * @return {@code null} when another thread holds the token (it takes the records), else the
     *         outcome of the last turn
     */
    Drained drainWhileFree(int budget, boolean flushOpen) {
        while (token.tryTake()) {
            Drained outcome;
            String warning;
            try {
                outcome = drainHeld(budget, flushOpen);
            } finally {
                warning = reports.takeWarning();
                token.giveBack();
                // Reported without the token, also when the drain failed: both reach the
                // application's logger, which may close the session, and closing waits until no
                // thread holds the token (lockOut).
                reports.report(warning);
            }
            if (reports.isDeviceGone()) {
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

    /**
     * Writes the kept packet, then records in ring order, then the offload batch that waits for
     * more (a turn never ends with a record held back); only with the token held.
     */
    private Drained drainHeld(int budget, boolean flushOpen) {
        if (writes.hasRetry() && !writes.writeRetry()) {
            return Drained.STALLED;
        }
        // One record per drain: a record is consumed once the sink returns, and the one refused
        // with EAGAIN must stop the drain before the records behind it.
        for (int taken = 0; taken < budget; taken++) {
            if (reader.drain(writes, 1) == 0 || reports.isDeviceGone()) {
                if (!writes.flush(flushOpen) && !reports.isDeviceGone()) {
                    return Drained.STALLED;
                }
                return writes.hasOpenBatch() && !reports.isDeviceGone() ? Drained.PENDING : Drained.EMPTY;
            }
            if (writes.hasRetry()) {
                return Drained.STALLED;
            }
        }
        return writes.flush(flushOpen) ? Drained.MORE : Drained.STALLED;
    }

    /** @return whether no thread is writing now (the token is free); for the test fixtures */
    boolean isIdle() {
        return !token.isHeld();
    }

    /** @return whether records wait in the send ring; any thread, without the token */
    boolean hasRecords() {
        return !reader.isEnded() && reader.isReadable();
    }

    /** @return whether the ring ended: the send thread stops */
    boolean isEnded() {
        return reader.isEnded();
    }

    /** The send thread failed. */
    void failed(String where, Throwable e) {
        faults.failed(where, e);
    }

    /** Ends the send thread soon; the pump wakes its poll through the eventfd. */
    void stop() {
        thread.stop();
    }

    /** Waits until no thread is writing and takes the token for good, so that the pump may close the descriptor. */
    void lockOut() {
        token.lockOut();
    }

    /** Closes the ring end; after {@link #lockOut()}. */
    void close() {
        reader.close();
    }
}
