// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.internal.ring.DriverReader;
import io.github.wintun4j.internal.ring.DriverWriter;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The network side of one mock adapter: what the driver exchanges with the operating system's
 * network stack. Tests deliver packets toward the application and take those it sent;
 * {@link MockResponder}s answer some automatically. One per adapter
 * ({@link MockDriver#network(io.github.wintun4j.Adapter)}), living as long as the adapter and
 * across its sessions (counters and responders are kept).
 *
 * <p>Sent packets follow the driver rule of reference section 4: a packet that is not IP (under
 * 20 bytes with version nibble 4, under 40 with nibble 6, any other nibble) is dropped and
 * counted. Each IP packet is offered to the responders in the order they were added; the first
 * that returns replies handles it, and each reply is delivered as its own batch. With responders
 * attached, this runs on the application's thread right after each send (the mock has no thread,
 * so it is deterministic) and unhandled packets are queued, as copies, for {@link #takeSent()}.
 * With none attached nothing happens on send, and {@code takeSent} / {@link #drainSent} pull
 * straight from the send ring. The queue keeps {@value #SENT_QUEUE_LIMIT} packets, then sheds the
 * oldest ({@link #sentQueueOverflow()}). When the application closes a session, the packets left
 * in its send ring are queued, unanswered. Every new adapter starts with
 * {@link MockResponders#host()} attached, so a ping to one of its addresses is answered as Windows
 * answers the Wintun example program.
 *
 * <p>Threading: every method is thread-safe. Packets are consumed in send order under one lock
 * and the queue is FIFO, so concurrent senders and takers never see them reordered. Responders
 * and {@code drainSent} sinks run under that lock: they may {@link #deliver} but must not take.
 *
 * <p>After the adapter is gone (closed by its creator, or {@link #removeAdapter()}):
 * {@code deliver} returns {@code false}, queued packets can still be taken, and the counters,
 * the responders and {@link #hasSession()} still answer.
 */
public final class MockNetwork {

    /** The most unhandled sent packets kept for {@link #takeSent()}; beyond, the oldest is shed. */
    public static final int SENT_QUEUE_LIMIT = 65_536;

    private final VirtualAdapter adapter;
    private final DriverLog log;
    private final TrafficCounters counters = new TrafficCounters();
    private final SentTraffic sent;
    /** Wakes {@link #takeSent(long, TimeUnit)} waiters when a session starts or ends. */
    private final Object sessionMonitor = new Object();
    private volatile SessionLink link;

    MockNetwork(VirtualAdapter adapter, DriverLog log) {
        this.adapter = adapter;
        this.log = log;
        this.sent = new SentTraffic(this, log, counters, SENT_QUEUE_LIMIT);
        sent.responders().add(MockResponders.host());
    }

    /**
     * Delivers one batch toward the application, as the network stack hands the driver a batch:
     * all of it is copied into the receive ring or, when it does not fit in the free space, none
     * of it (dropped whole and counted).
     *
     * @param batch the packets, 1..65535 bytes each; an empty batch delivers nothing
     * @return {@code true} when written; {@code false} when dropped: no session running, or the
     *         batch did not fit
     * @throws NullPointerException     when the batch or one of its packets is null
     * @throws IllegalArgumentException when a packet is empty or longer than 65535 bytes
     */
    public boolean deliver(byte[]... batch) {
        return write(null, InboundBatch.of(batch));
    }

    /**
     * As {@link #deliver(byte[]...)}, each packet being the remaining bytes of a buffer (copied;
     * positions do not move).
     *
     * @param batch the packets
     * @return whether the batch was written
     * @throws NullPointerException     when the list or one of its buffers is null
     * @throws IllegalArgumentException when a packet is empty or longer than 65535 bytes
     */
    public boolean deliver(List<ByteBuffer> batch) {
        if (batch != null && batch.size() == 1) {
            // The common batch of one goes in without the batch's copy of the list (the ring
            // writer reads the buffer's position and limit once and never moves them).
            return write(InboundBatch.single(batch.get(0)), null);
        }
        return write(null, InboundBatch.of(batch));
    }

    /** Writes {@code single}, or else the whole {@code batch}, and counts the outcome. */
    private boolean write(ByteBuffer single, List<ByteBuffer> batch) {
        SessionLink current = link;
        if (current == null || current.isEnded()) {
            return false;
        }
        int packets = single != null ? 1 : batch.size();
        if (single != null ? current.toApplication.write(single) : current.toApplication.writeBatch(batch)) {
            counters.delivered(packets);
            return true;
        }
        if (!current.isEnded()) {
            counters.droppedInbound(packets);
        }
        return false;
    }

    /**
     * Takes the next packet the application sent that passed the driver rule and that no
     * responder handled: from the queue first, then from the send ring.
     *
     * @return a copy of the packet, or {@code null} when there is none
     * @throws IllegalStateException when called from a responder or a {@code drainSent} sink
     */
    public byte[] takeSent() {
        return sent.takeOne(link);
    }

    /**
     * As {@link #takeSent()}, waiting up to {@code timeout} for a packet: on the send ring's read
     * signal while a session runs, else until a session starts or ends.
     *
     * @param timeout the longest wait; 0 means do not wait
     * @param unit    its unit
     * @return the packet, or {@code null} on timeout
     * @throws InterruptedException     when interrupted while waiting
     * @throws NullPointerException     when the unit is null
     * @throws IllegalArgumentException when the timeout is negative
     * @throws IllegalStateException    when called from a responder or a {@code drainSent} sink
     */
    public byte[] takeSent(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + Arguments.requireTimeoutNanos(timeout, unit);
        while (true) {
            byte[] packet = takeSent();
            if (packet != null) {
                return packet;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            SessionLink current = link;
            if (current == null || current.isEnded()) {
                awaitSessionChange(current, left);
            } else {
                DriverReader reader = current.fromApplication;
                current.sendRing.signal().await(
                        () -> sent.hasQueued() || current.isEnded() || reader.isReadable(), left);
            }
        }
    }

    private void awaitSessionChange(SessionLink seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (sessionMonitor) {
            while (link == seen && !sent.hasQueued()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(sessionMonitor, left);
            }
        }
    }

    /**
     * Hands up to {@code max} packets the application sent (those {@link #takeSent()} would
     * return, in the same order) to {@code sink}, without copying the ones still in the send ring.
     *
     * @param sink receives each packet as a read-only, big-endian view from its position to its
     *             limit (a packet still in the send ring is shown in place, through a view that is
     *             reused, so that draining allocates nothing), valid only during the call; it may
     *             {@link #deliver} but must not take
     * @param max  the most packets to hand over, {@code >= 0}
     * @return how many packets were handed over
     * @throws NullPointerException     when the sink is null
     * @throws IllegalArgumentException when {@code max} is negative
     * @throws IllegalStateException    when called from a responder or a {@code drainSent} sink
     */
    public int drainSent(Consumer<ByteBuffer> sink, int max) {
        Objects.requireNonNull(sink, "sink");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        return sent.drainTo(link, sink, max);
    }

    /**
     * Claims the inbound direction (network to application) of the running session for the
     * calling thread: the fastest way to feed the session from one thread.
     *
     * @return the injector, valid for this session only
     * @throws IllegalStateException when no session is running, or the direction is claimed already
     */
    public MockInjector claimInbound() {
        return new MockInjector(runningLink(), counters);
    }

    /**
     * Claims the outbound direction (application to network) of the running session for the
     * calling thread: the fastest way to consume what the session sends, from one thread.
     *
     * @return the collector, valid for this session only
     * @throws IllegalStateException when no session is running, or the direction is claimed already
     */
    public MockCollector claimOutbound() {
        return new MockCollector(runningLink(), counters);
    }

    private SessionLink runningLink() {
        SessionLink current = link;
        if (current == null || current.isEnded()) {
            throw new IllegalStateException("no session is running on adapter \"" + adapter.name() + "\"");
        }
        return current;
    }

    /**
     * The network side of any mock adapter, however its driver was reached: created directly, opened
     * with {@code Wintun.open("mock")}, or obtained as an OSGi service (where the driver object is
     * a component wrapping a {@link MockDriver}, but the adapters are the mock's own).
     *
     * @param adapter an adapter, open or closed
     * @return its network side, or empty when it is not a mock adapter
     * @throws NullPointerException when null
     */
    public static Optional<MockNetwork> of(Adapter adapter) {
        Objects.requireNonNull(adapter, "adapter");
        return adapter instanceof MockAdapter ? Optional.of(((MockAdapter) adapter).adapter().network()) : Optional.empty();
    }

    /** @return a snapshot of the traffic counters, totals since the adapter was created */
    public MockCounters counters() {
        return counters.snapshot();
    }

    /**
     * @return how many unhandled sent packets the queue shed, oldest first, because
     *         {@value #SENT_QUEUE_LIMIT} were already waiting (they still count in
     *         {@link MockCounters#sentPackets()})
     */
    public long sentQueueOverflow() {
        return counters.sentQueueOverflowCount();
    }

    /**
     * Attaches a responder after those already attached. One responder may be attached twice.
     *
     * @param responder the responder
     * @throws NullPointerException when null
     */
    public void addResponder(MockResponder responder) {
        sent.responders().add(Objects.requireNonNull(responder, "responder"));
    }

    /**
     * Detaches the first attached responder equal to {@code responder}; nothing when there is none.
     *
     * @param responder the responder, such as {@link MockResponders#host()}
     * @throws NullPointerException when null
     */
    public void removeResponder(MockResponder responder) {
        sent.responders().remove(Objects.requireNonNull(responder, "responder"));
    }

    /** Detaches every responder, the initial host responder included. */
    public void clearResponders() {
        sent.responders().clear();
    }

    /**
     * Fault: the adapter disappears while in use, as when its device is removed underneath the
     * driver. Both rings of the running session terminate: blocked and later receives and
     * allocations end with {@code ERROR_HANDLE_EOF} (termination wins over unread packets). Then
     * open by name fails with {@code ERROR_NOT_FOUND}, start session with
     * {@code ERROR_HANDLE_EOF}, and {@code close()} of the adapter removes nothing. Idempotent.
     */
    public void removeAdapter() {
        adapter.driver().removeUnderneath(adapter);
    }

    /**
     * The driver's end of the running session's receive ring, for the tests that inject ring
     * faults into it (the API's test fixture {@code RingFaults}).
     *
     * @throws IllegalStateException when no session is running
     */
    DriverWriter receiveRingWriter() {
        return runningLink().toApplication;
    }

    /** @return whether a session is running on the adapter: started, not closed, not terminated */
    public boolean hasSession() {
        SessionLink current = link;
        return current != null && !current.isEnded();
    }

    @Override
    public String toString() {
        return "MockNetwork[adapter=" + adapter.name() + (hasSession() ? ", session" : "") + ", " + counters() + ']';
    }

    // ---- for the driver's own classes ----

    /** @return the adapter's addresses now, for {@link MockResponders#host()} */
    Set<InetAddress> assignedAddresses() {
        return adapter.addresses();
    }

    DriverLog log() {
        return log;
    }

    /** A session started: its rings carry the traffic from now on. */
    void attach(SessionLink newLink) {
        synchronized (sessionMonitor) {
            link = newLink;
            sessionMonitor.notifyAll();
        }
    }

    /** The application closed the session of {@code oldLink}: keep its unread packets, close the driver's ends. */
    void detach(SessionLink oldLink) {
        sent.salvage(oldLink);
        oldLink.close();
        synchronized (sessionMonitor) {
            if (link == oldLink) {
                link = null;
            }
            sessionMonitor.notifyAll();
        }
    }

    /** The application sent on {@code sender}'s session (or closed an unsent packet). */
    void afterSend(SessionLink sender) {
        if (link == sender) {
            sent.afterSend(sender);
        }
    }
}
