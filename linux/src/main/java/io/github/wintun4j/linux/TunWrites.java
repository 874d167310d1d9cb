// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.internal.DriverPacketRules;
import io.github.wintun4j.internal.ring.DriverReader;

import java.nio.ByteBuffer;

/**
 * How one record of the send ring reaches the TUN descriptor: the driver's rule first (non-IP packets
 * are dropped and counted, wintun-reference section 4), then a non-blocking {@code write()} whose
 * {@code errno} is mapped to a meaning.
 *
 * <ul>
 *   <li>{@code EAGAIN} (the device's send buffer is full; TUN allows {@code INT_MAX} bytes in flight,
 *       so in practice never): the packet is kept ({@link #hasRetry()}) and written again before any
 *       later record;</li>
 *   <li>{@code EBADFD}: the device is gone ({@link SendReports#deviceGone});</li>
 *   <li>{@code EIO} (interface down) and {@code EINVAL} (a packet the kernel refuses): dropped and
 *       counted, as the driver drops what the stack does not take, with one warning.</li>
 * </ul>
 *
 * <p>With offloads (the descriptor opened with {@code IFF_VNET_HDR}), every write starts with a
 * {@code virtio_net_hdr}, and consecutive records of one TCP or UDP flow are merged into one
 * segmentation-offload write by a {@link GsoCoalescer}: a record may then wait in the batch until
 * the next record, or the end of the drain ({@link #flush()}), shows the batch is complete.
 *
 * <p>Threading: only by the holder of the {@link TurnToken}.
 */
final class TunWrites implements DriverReader.RecordSink {

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final DriverReader reader;
    private final SendReports reports;
    /** With offloads, the batch being built; else {@code null}. */
    private final GsoCoalescer coalescer;
    /** A packet refused with EAGAIN, written before any later record. */
    private ByteBuffer retry;
    /** How many of the application's packets {@link #retry} holds. */
    private int retrySegments;
    private volatile boolean retryPending;

    TunWrites(LinuxAdapter adapter, Fd tun, DriverReader reader, SendReports reports, TunOffloads offloads) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.reader = reader;
        this.reports = reports;
        this.coalescer = offloads.active() ? new GsoCoalescer(true, offloads.udp()) : null;
    }

    /** @return whether a packet refused with {@code EAGAIN} waits to be written first */
    boolean hasRetry() {
        return retryPending;
    }

    /** @return {@code false} when the kept packet was refused again */
    boolean writeRetry() {
        if (!writePacket(retry, retrySegments)) {
            return false;
        }
        retryPending = false;
        return true;
    }

    /** One record of the send ring, consumed once this returns. */
    @Override
    public void accept(ByteBuffer record) {
        if (!DriverPacketRules.acceptsFromApplication(record)) {
            adapter.counters().nonIpDropped();
            return;
        }
        if (coalescer != null) {
            acceptOffloaded(record);
            return;
        }
        if (!writePacket(record, 1)) {
            if (retry == null) {
                retry = ByteBuffer.allocateDirect(WintunConstants.MAX_IP_PACKET_SIZE);
            }
            retry.clear().put(record).flip();
            retrySegments = 1;
            retryPending = true;
        }
    }

    /**
     * Appends the record to the batch, or writes the batch and starts the next with it. When the
     * batch is refused with EAGAIN it becomes the packet to retry, and the record waits in the new
     * batch behind it (the order stays the ring order).
     */
    private void acceptOffloaded(ByteBuffer record) {
        if (coalescer.append(record)) {
            if (!coalescer.isOpen()) {
                flush();
            }
            return;
        }
        flush();
        coalescer.start(record);
        if (!coalescer.isOpen()) {
            flush();
        }
    }

    /** Writes the batch, which can take no more records. */
    private boolean flush() {
        return flush(true);
    }

    /** @return whether a batch waits that could still take more records */
    boolean hasOpenBatch() {
        return coalescer != null && coalescer.hasBatch() && coalescer.isOpen();
    }

    /**
     * Writes the batch that waits for more records, if any: at the end of each drain.
     *
     * @param evenOpen whether to write a batch that could still take more records (the send
     *                 thread does; a sender leaves it to the send thread, so that the sender's next
     *                 packets may still join it)
     * @return {@code false} when a packet waits for a retry (the batch, or an earlier one)
     */
    boolean flush(boolean evenOpen) {
        if (coalescer == null || !coalescer.hasBatch() || (!evenOpen && coalescer.isOpen())) {
            return !retryPending;
        }
        if (retryPending) {
            return false;
        }
        int segments = coalescer.segments();
        if (writePacket(coalescer.finish(), segments)) {
            if (segments > 1) {
                adapter.counters().mergedWrite();
            }
            coalescer.clear();
            return true;
        }
        if (retry == null) {
            retry = GsoCoalescer.newBuffer();
        }
        retry = coalescer.swap(retry);
        retrySegments = segments;
        retryPending = true;
        return false;
    }

    /**
     * @param segments how many of the application's packets it holds, counted when it is dropped
     * @return {@code false} only for EAGAIN (the packet is to be written again later)
     */
    private boolean writePacket(ByteBuffer packet, int segments) {
        if (reader.ring().isTerminated() || reports.isDeviceGone()) {
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
                    reports.deviceGone("write reported EBADFD");
                    return true;
                default:
                    dropRefused(e, segments);
                    return true;
            }
        }
    }

    private void dropRefused(ErrnoException e, int segments) {
        for (int i = 0; i < segments; i++) {
            adapter.counters().outboundDropped();
        }
        if (reports.firstWarning()) {
            reports.warn("Dropping packets the kernel refuses on \"" + adapter.name()
                    + "\": write " + e.getMessage() + (e.errno() == Errno.EIO ? " (is the interface down?)" : ""));
        }
    }
}
