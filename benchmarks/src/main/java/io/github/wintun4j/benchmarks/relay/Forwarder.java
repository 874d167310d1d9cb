package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Packet;
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
 * thread per direction would: its calls then take no lock. Batch mode takes every packet waiting
 * with one {@link Receiver#receivePackets(Packet[])}; single mode takes one packet per call. When
 * nothing is waiting both wait the same way, with {@link Receiver#receivePacket(long, TimeUnit)}
 * (spin, then wait on the read event), so that the two modes differ only in how they take packets
 * that are already there.
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
    /** The batch, or {@code null} in single mode. */
    private final Packet[] batch;
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
        this.batch = batchSize > 1 ? new Packet[batchSize] : null;
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
        while (true) {
            int count = batch == null ? 0 : receiver.receivePackets(batch);
            if (count == 0) {
                Packet packet = receiver.receivePacket(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (packet != null) {
                    forward(receiver, sender, packet);
                }
                continue;
            }
            for (int i = 0; i < count; i++) {
                forward(receiver, sender, batch[i]);
                batch[i] = null;
            }
        }
    }

    private void forward(Receiver receiver, Sender sender, Packet in) {
        try {
            ByteBuffer source = in.buffer();
            int size = source.remaining();
            Packet out = allocate(sender, size);
            if (out == null) {
                dropped++;
                return;
            }
            out.buffer().put(0, source, 0, size);
            sender.sendPacket(out);
            packets++;
            bytes += size;
        } finally {
            receiver.releaseReceivePacket(in);
        }
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
