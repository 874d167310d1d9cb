// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.internal.ring.RingSession;

/**
 * A session on a Linux TUN device: the application side of the Wintun ring model
 * ({@link RingSession}) over a descriptor attached to the device, with a {@link PacketPump} as the
 * driver side. The Wintun capacity, order and error rules are those of the ring model. A send
 * writes the packet to the device on the sending thread ({@code afterSend}, see {@link SendPath});
 * a receive that finds the ring empty reads the device on the receiving thread
 * ({@code fillWhenEmpty}, see {@link ReceivePath}), so packets that nobody receives wait in the
 * kernel's queue for the device.
 *
 * <p>{@link #close()} wakes blocked receivers at once (the ring model does), then stops the pump
 * and detaches the descriptor; it returns only when that is done, whichever thread started it.
 * Thread-safe.
 */
final class LinuxSession extends RingSession {

    private final PacketPump pump;
    private final TunOffloads offloads;

    private LinuxSession(Ring receiveRing, Ring sendRing, PacketPump pump, TunOffloads offloads, Runnable onEnded) {
        super(receiveRing, sendRing, pump::afterSend, pump::fillOnDemand, () -> {
            try {
                pump.stop();
            } finally {
                onEnded.run();
            }
        });
        this.pump = pump;
        this.offloads = offloads;
    }

    /**
     * Starts a session over an attached descriptor; on failure the descriptors are closed.
     *
     * @param adapter  the adapter
     * @param tun      the attached TUN descriptor, owned by the session from now on
     * @param wake     the eventfd that stops the pump, owned by the session from now on
     * @param capacity the ring capacity, already checked
     * @param offloads what the descriptor took from the kernel
     * @param onEnded  run once the session is closed and its descriptors are closed
     */
    static LinuxSession start(LinuxAdapter adapter, Fd tun, Fd wake, int capacity, TunOffloads offloads,
                              Runnable onEnded) {
        LinuxSession session;
        try {
            Ring receiveRing = new Ring(capacity);
            Ring sendRing = new Ring(capacity);
            PacketPump pump = new PacketPump(adapter, tun, wake, receiveRing, sendRing, offloads);
            session = new LinuxSession(receiveRing, sendRing, pump, offloads, onEnded);
        } catch (RuntimeException | Error e) {
            tun.close();
            wake.close();
            throw e;
        }
        try {
            session.pump.start();
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
        return session;
    }

    @Override
    public void close() {
        super.close();
        pump.awaitStopped();
    }

    @Override
    public boolean offloadsActive() {
        return offloads.active();
    }

    /** @return what the session's descriptor took from the kernel */
    TunOffloads offloads() {
        return offloads;
    }

    /** @return the driver side, for the test fixtures in this package */
    PacketPump pump() {
        return pump;
    }
}
