package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunException;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One direction of the relay: every packet received on one session is copied into a packet
 * allocated on the other, sent, and released.
 *
 * <p>Batch mode takes every packet waiting with one {@link Session#receivePackets(Packet[])};
 * single mode takes one packet per call. When nothing is waiting both wait the same way, with
 * {@link Session#receivePacket(long, TimeUnit)} (spin, then wait on the read event), so that the
 * two modes differ only in how they take packets that are already there.
 *
 * <p>A full send ring is retried a while (the other session's pump is draining it) and then
 * counted as a drop, as a router drops when its output queue is full. Runs on one thread; the
 * counters may be read from another thread after {@link #run()} returned.
 */
final class Forwarder implements Runnable {

    /** How long one wait for a packet lasts before the loop looks again. */
    private static final long WAIT_MILLIS = 100;
    /** Attempts to allocate in a full send ring before the packet is dropped. */
    private static final int FULL_RING_ATTEMPTS = 1000;

    private final String name;
    private final Session from;
    private final Session to;
    /** The batch, or {@code null} in single mode. */
    private final Packet[] batch;
    private volatile long packets;
    private volatile long bytes;
    private volatile long dropped;
    private volatile Throwable failure;

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
        this.batch = batchSize > 1 ? new Packet[batchSize] : null;
    }

    @Override
    public void run() {
        try {
            while (true) {
                int count = batch == null ? 0 : from.receivePackets(batch);
                if (count == 0) {
                    Packet packet = from.receivePacket(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    if (packet != null) {
                        forward(packet);
                    }
                    continue;
                }
                for (int i = 0; i < count; i++) {
                    forward(batch[i]);
                    batch[i] = null;
                }
            }
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

    private void forward(Packet in) {
        try {
            ByteBuffer source = in.buffer();
            int size = source.remaining();
            Packet out = allocate(size);
            if (out == null) {
                dropped++;
                return;
            }
            out.buffer().put(0, source, 0, size);
            to.sendPacket(out);
            packets++;
            bytes += size;
        } finally {
            from.releaseReceivePacket(in);
        }
    }

    private Packet allocate(int size) {
        for (int attempt = 1; ; attempt++) {
            Packet out = to.allocateSendPacket(size);
            if (out != null || attempt == FULL_RING_ATTEMPTS) {
                return out;
            }
            Thread.yield();     // two cores: let the pump that drains the ring run
        }
    }

    /** @return one line: packets, bytes and drops so far, and the failure if any */
    String report() {
        return name + ": " + packets + " packets, " + bytes + " bytes, " + dropped + " dropped (send ring full)"
                + (failure == null ? "" : ", failed: " + failure);
    }
}
