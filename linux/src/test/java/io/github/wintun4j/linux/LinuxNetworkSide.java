// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.internal.ring.RingFaults;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.tck.NetworkSide;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The far side of a real TUN device, for the contract kit, played through the Linux kernel:
 *
 * <ul>
 *   <li>{@link #deliver}: a packet is transmitted through the interface from an AF_PACKET socket,
 *       so the kernel queues it for the TUN descriptor, and the driver side's read routine reads it
 *       (as a receive that finds the ring empty does); the call returns once the driver side has
 *       handled that very packet (written to the ring,
 *       or dropped because it did not fit). Linux hands a TUN reader one packet per read and so
 *       has no batch to drop whole: a batch of several packets goes to the driver side's batch
 *       routine ({@link DriverSideFaults#deliverBatch}), the routine every packet read goes through.
 *       With no session, the packets go to the kernel, which drops them (no descriptor is attached);</li>
 *   <li>{@link #takeSent}: what the interface received from the application, captured by an
 *       AF_PACKET socket opened when the device was made;</li>
 *   <li>{@link #removeAdapter}: the device is deleted underneath (RTM_DELLINK), as {@code ip link
 *       delete} does; the call returns once the session has seen it go;</li>
 *   <li>{@link #corruptReceiveRing}: an impossible record through the session's receive-ring writer.</li>
 * </ul>
 *
 * Thread-safe.
 */
final class LinuxNetworkSide implements NetworkSide {

    private static final long HANDLED_WAIT_MILLIS = 10_000;

    private final LinuxAdapter adapter;
    private final TestNetwork network;
    private final int ifindex;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    LinuxNetworkSide(LinuxAdapter adapter, TestNetwork network) {
        this.adapter = adapter;
        this.network = network;
        this.ifindex = adapter.interfaceIndex();
        network.watch(ifindex);
        adapter.observeInbound(this::handled);
    }

    @Override
    public boolean deliver(List<byte[]> batch) {
        Objects.requireNonNull(batch, "batch");
        LinuxSession session = adapter.currentSession();
        if (session == null || !session.isOpen()) {
            for (byte[] packet : batch) {
                inject(packet);
            }
            return false;
        }
        if (batch.size() != 1) {
            List<ByteBuffer> buffers = new ArrayList<>(batch.size());
            for (byte[] packet : batch) {
                buffers.add(ByteBuffer.wrap(packet));
            }
            return DriverSideFaults.deliverBatch(session, adapter, buffers);
        }
        return throughKernel(session, batch.get(0));
    }

    private boolean throughKernel(LinuxSession session, byte[] packet) {
        Pending expected = new Pending(packet);
        pending.add(expected);
        if (!inject(packet)) {
            pending.remove(expected);
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANDLED_WAIT_MILLIS);
        try {
            // The driver side reads the descriptor when a receive finds the ring empty (or for a
            // waiting receiver): play that receive, through the same routine, until this packet
            // was handled, whether anybody receives or not.
            while (!fillAndAwait(session, expected)) {
                if (!session.isOpen() || System.nanoTime() - deadline > 0) {
                    pending.remove(expected);
                    return expected.done.getCount() == 0 && expected.written;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.remove(expected);
            return false;
        }
        return expected.written;
    }

    private static boolean fillAndAwait(LinuxSession session, Pending expected) throws InterruptedException {
        session.pump().receivePath().fillOnDemand();
        return expected.done.await(10, TimeUnit.MILLISECONDS);
    }

    /** @return whether the kernel took the packet for transmission */
    private boolean inject(byte[] packet) {
        try {
            network.injector(ifindex).send(packet);
            return true;
        } catch (ErrnoException | UncheckedIOException e) {
            return false; // the device is gone or down: nothing reaches a session
        }
    }

    private void handled(ByteBuffer packet, boolean written) {
        for (Pending candidate : pending) {
            if (candidate.matches(packet) && pending.remove(candidate)) {
                candidate.written = written;
                candidate.done.countDown();
                return;
            }
        }
    }

    @Override
    public byte[] takeSent(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            return network.capture(ifindex).receive(timeout, unit);
        } catch (ErrnoException e) {
            throw new AssertionError("capturing on interface " + ifindex + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long droppedNonIp() {
        return adapter.counters().nonIp();
    }

    @Override
    public long droppedInboundBatches() {
        return adapter.counters().inbound();
    }

    @Override
    public void removeAdapter() {
        LinuxSession session = adapter.currentSession();
        try {
            Netlink.deleteLink(network.sys(), ifindex);
        } catch (ErrnoException e) {
            throw new AssertionError("deleting interface " + ifindex + " failed: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session != null && session.isOpen() && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        network.forget(ifindex);
    }

    @Override
    public void corruptReceiveRing() {
        LinuxSession session = adapter.currentSession();
        if (session == null) {
            throw new IllegalStateException("no session on " + adapter.name() + " to corrupt");
        }
        DriverSideFaults.corruptReceiveRing(session);
    }

    /** A packet injected through the kernel, waiting for the driver side to handle it. */
    private static final class Pending {
        final ByteBuffer bytes;
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean written;

        Pending(byte[] packet) {
            this.bytes = ByteBuffer.wrap(packet);
        }

        boolean matches(ByteBuffer packet) {
            return bytes.equals(packet);
        }
    }
}
