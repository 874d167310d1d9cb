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
 * <p>Threading: only by the holder of the {@link WriteToken}.
 */
final class TunWrites implements DriverReader.RecordSink {

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final DriverReader reader;
    private final SendReports reports;
    /** A packet refused with EAGAIN, written before any later record. */
    private ByteBuffer retry;
    private volatile boolean retryPending;

    TunWrites(LinuxAdapter adapter, Fd tun, DriverReader reader, SendReports reports) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.reader = reader;
        this.reports = reports;
    }

    /** @return whether a packet refused with {@code EAGAIN} waits to be written first */
    boolean hasRetry() {
        return retryPending;
    }

    /** @return {@code false} when the kept packet was refused again */
    boolean writeRetry() {
        if (!writePacket(retry)) {
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
                    dropRefused(e);
                    return true;
            }
        }
    }

    private void dropRefused(ErrnoException e) {
        adapter.counters().outboundDropped();
        if (reports.firstWarning()) {
            reports.warn("Dropping packets the kernel refuses on \"" + adapter.name()
                    + "\": write " + e.getMessage() + (e.errno() == Errno.EIO ? " (is the interface down?)" : ""));
        }
    }
}
