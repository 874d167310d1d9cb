// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunException;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One direction of the relay: every packet received on one session is copied into a packet
 * allocated on the other, sent, and released.
 *
 * <p>The forwarding thread claims both of its sides ({@link Session#claimReceiver()} on the
 * session it reads, {@link Session#claimSender()} on the one it writes), as a tunnel with one
 * thread per direction would: its calls then take no lock. Batch mode takes up to a batch of the
 * packets waiting with one {@link Receiver#receiveEach(PacketHandler, int)}, which hands each to
 * the forwarding handler in place and releases it when the handler returns (before the API froze,
 * this mode filled an array of packet objects; the in-place form needs no packet object and no
 * release call); single mode takes one packet per call. When nothing is waiting both wait the same
 * way, with {@link Receiver#receivePacket(long, TimeUnit)} (spin, then wait on the read event), so
 * that the two modes differ only in how they take packets that are already there.
 *
 * <p>A full send ring is retried a while (the other session's pump is draining it) and then
 * counted as a drop, as a router drops when its output queue is full.
 *
 * <p>Threading: {@link #run()} on one thread. The counters are plain fields of that thread (a
 * volatile increment per packet would be a full fence per packet); {@link #report()} reads them
 * after that thread ended ({@link Thread#join()} orders the reads after its writes).
 */
final class Forwarder implements Runnable {

    /** How long one wait for a packet lasts before the loop looks again. */
    private static final long WAIT_MILLIS = 100;
    /** Attempts to allocate in a full send ring before the packet is dropped. */
    private static final int FULL_RING_ATTEMPTS = 1000;

    private final String name;
    private final Session from;
    private final Session to;
    /** The most packets taken per call in batch mode; 1 for single mode. */
    private final int batchSize;
    /** The send side of the forwarding thread, for {@link #forwardInPlace}; set when it starts. */
    private Sender claimedSender;
    /** Made once: a method reference made per call would be an allocation per call. */
    private final PacketHandler forwardEach = this::forwardInPlace;
    private long packets;
    private long bytes;
    private long dropped;
    private Throwable failure;

    /**
     * @param name      such as {@code "A->B"}, for the report
     * @param from      the session packets are received from
     * @param to        the session packets are sent to
     * @param batchSize the most packets taken per call; 1 for single mode
     */
    Forwarder(String name, Session from, Session to, int batchSize) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.batchSize = batchSize;
    }

    @Override
    public void run() {
        try (Receiver receiver = from.claimReceiver(); Sender sender = to.claimSender()) {
            forwardUntilEnd(receiver, sender);
        } catch (WintunException e) {
            if (!e.isEndOfFile()) {     // end of file: a session closed, the relay is stopping
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void forwardUntilEnd(Receiver receiver, Sender sender) throws InterruptedException {
        claimedSender = sender;
        while (true) {
            int count = batchSize > 1 ? receiver.receiveEach(forwardEach, batchSize) : 0;
            if (count == 0) {
                Packet packet = receiver.receivePacket(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (packet != null) {
                    try {
                        forwardInPlace(packet.buffer());
                    } finally {
                        receiver.releaseReceivePacket(packet);
                    }
                }
            }
        }
    }

    /** Copies one received packet (from its position to its limit) into a packet of the other session. */
    private void forwardInPlace(ByteBuffer source) {
        int size = source.remaining();
        Packet out = allocate(claimedSender, size);
        if (out == null) {
            dropped++;
            return;
        }
        out.buffer().put(0, source, source.position(), size);
        claimedSender.sendPacket(out);
        packets++;
        bytes += size;
    }

    private static Packet allocate(Sender sender, int size) {
        for (int attempt = 1; ; attempt++) {
            Packet out = sender.allocateSendPacket(size);
            if (out != null || attempt == FULL_RING_ATTEMPTS) {
                return out;
            }
            Thread.yield();     // two cores: let the pump that drains the ring run
        }
    }

    /**
     * Call only after the forwarding thread ended (joined): the counters are that thread's.
     *
     * @return one line: packets, bytes and drops, and the failure if any
     */
    String report() {
        return name + ": " + packets + " packets, " + bytes + " bytes, " + dropped + " dropped (send ring full)"
                + (failure == null ? "" : ", failed: " + failure);
    }
}
