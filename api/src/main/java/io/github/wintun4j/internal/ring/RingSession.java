// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.internal.Arguments;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A {@link Session} over two Java {@link Ring}s, for backends whose driver side is Java too: the
 * mock (an in-memory driver) and Linux (a pump between the rings and the TUN file descriptor).
 * The application reads the receive ring and writes the send ring; the backend holds the other
 * ends. All the rules of {@link Session} hold here, written once.
 *
 * <p>Thread-safe. The session's own methods always take the lock of their ring end, and fail
 * while the end is claimed ({@link RingEnd#requireUnclaimed()}), on every thread. A claimed side
 * ({@link #claimReceiver()}, {@link #claimSender()}) claims the ring end itself; its handle
 * ({@link RingReceiver}, {@link RingSender}) is the only way to the end's lock-free path.
 */
public class RingSession implements Session {

    private final Ring receiveRing;
    private final RingReader receiver;
    private final RingWriter sender;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Runnable onClose;
    /** Run when a receive finds the ring empty (a driver that fills it on demand); {@code null} for none. */
    private final Runnable fillWhenEmpty;
    private final SpinPolicy spinPolicy = new SpinPolicy();
    /** Made once: a method reference made per wait would be an allocation per wait. */
    private final BooleanSupplier readable;

    /**
     * @param receiveRing the ring from the adapter to the application
     * @param sendRing    the ring from the application to the adapter
     * @param onClose     run once, after the session's ends are closed (for the backend's cleanup)
     */
    public RingSession(Ring receiveRing, Ring sendRing, Runnable onClose) {
        this(receiveRing, sendRing, null, onClose);
    }

    /**
     * @param receiveRing the ring from the adapter to the application
     * @param sendRing    the ring from the application to the adapter
     * @param afterSend   run on the sending thread after each send (and each close of an unsent
     *                    packet), for a driver without threads of its own; {@code null} for none
     * @param onClose     run once, after the session's ends are closed (for the backend's cleanup)
     */
    public RingSession(Ring receiveRing, Ring sendRing, Runnable afterSend, Runnable onClose) {
        this(receiveRing, sendRing, afterSend, null, onClose);
    }

    /**
     * @param receiveRing   the ring from the adapter to the application
     * @param sendRing      the ring from the application to the adapter
     * @param afterSend     run on the sending thread after each send (and each close of an unsent
     *                      packet), for a driver without threads of its own; {@code null} for none
     * @param fillWhenEmpty run on the receiving thread, outside the reader's lock, when a receive
     *                      (or the first look of a wait) finds the receive ring empty, and while a
     *                      receive spins; the receive then looks again. For a driver that fills the
     *                      ring on demand, on the receiving thread. Must not throw. {@code null} for none
     * @param onClose       run once, after the session's ends are closed (for the backend's cleanup)
     */
    public RingSession(Ring receiveRing, Ring sendRing, Runnable afterSend, Runnable fillWhenEmpty,
                       Runnable onClose) {
        if (receiveRing.capacity() != sendRing.capacity()) {
            throw new IllegalArgumentException("both rings must have the same capacity");
        }
        this.receiveRing = receiveRing;
        this.receiver = new RingReader(receiveRing, "WintunReceivePacket");
        this.sender = new RingWriter(sendRing, "WintunAllocateSendPacket", afterSend);
        this.onClose = onClose;
        this.fillWhenEmpty = fillWhenEmpty;
        this.readable = receiver::isReadable;
    }

    @Override
    public int capacity() {
        return receiveRing.capacity();
    }

    @Override
    public boolean isOpen() {
        return open.get() && !receiver.isEnded();
    }

    @Override
    public Packet receivePacket() {
        receiver.requireUnclaimed();
        return receiveOrFill();
    }

    /**
     * One receive through the reader (locked unless the caller claimed the end); when the ring is
     * empty, the driver fills it on this thread, if it does so, and the reader looks once more.
     */
    Packet receiveOrFill() {
        Packet packet = receiver.receive();
        if (packet == null && fillWhenEmpty != null) {
            fillWhenEmpty.run();
            packet = receiver.receive();
        }
        return packet;
    }

    /** {@link #receiveOrFill()} for a handler. */
    int receiveOrFill(PacketHandler handler, int max) {
        int handled = receiver.receive(handler, max);
        if (handled == 0 && fillWhenEmpty != null) {
            fillWhenEmpty.run();
            handled = receiver.receive(handler, max);
        }
        return handled;
    }

    /** Lets the driver fill an empty ring before a wait; the wait then starts from what it wrote. */
    private void fillIfEmpty() {
        if (fillWhenEmpty != null && !receiver.isReadable()) {
            fillWhenEmpty.run();
        }
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        receiver.requireUnclaimed();
        return awaitPacket(nanos);
    }

    /**
     * The blocking receive of the session and of its {@link RingReceiver}: each receive goes
     * through the reader, which takes the lock unless the caller claimed the end.
     */
    Packet awaitPacket(long nanos) throws InterruptedException {
        Packet packet = receiveOrFill();
        if (packet != null) {
            spinPolicy.received(packet.size());
            return packet;
        }
        if (nanos == 0) {
            return null;
        }
        long start = System.nanoTime();
        if (spinPolicy.shouldSpin(start)) {
            long spinUntil = start + Math.min(SpinPolicy.SPIN_NANOS, nanos);
            while (System.nanoTime() - spinUntil < 0) {
                if (receiver.isReadable()) {
                    packet = receiver.receive();
                    if (packet != null) {
                        spinPolicy.received(packet.size());
                        return packet;
                    }
                }
                if (fillWhenEmpty != null) {
                    fillWhenEmpty.run();    // a driver that fills on demand reads while this thread spins
                } else {
                    Thread.onSpinWait();
                }
            }
        }
        long deadline = start + nanos;
        while (true) {
            long left = deadline - System.nanoTime();
            if (!receiveRing.signal().await(readable, left)) {
                return null;
            }
            packet = receiver.receive();
            if (packet != null) {
                spinPolicy.received(packet.size());
                return packet;
            }
        }
    }

    @Override
    public int receiveEach(PacketHandler handler, int max) {
        receiver.requireUnclaimed();
        return receiveOrFill(handler, max);
    }

    @Override
    public boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        fillIfEmpty();
        return receiveRing.signal().await(readable, nanos);
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        Packet own = Arguments.requirePacket(packet);
        receiver.requireUnclaimed();
        receiver.release(own);
    }

    @Override
    public Packet allocateSendPacket(int size) {
        sender.requireUnclaimed();
        return sender.allocate(size);
    }

    @Override
    public void sendPacket(Packet packet) {
        Packet own = Arguments.requirePacket(packet);
        sender.requireUnclaimed();
        sender.send(own);
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        Objects.requireNonNull(packet, "packet");
        sender.requireUnclaimed();
        return sender.sendCopy(packet);
    }

    @Override
    public Receiver claimReceiver() {
        receiver.requireNotEnded();
        receiver.claim();
        return new RingReceiver(this, receiver);
    }

    @Override
    public Sender claimSender() {
        sender.requireNotEnded();
        sender.claim();
        return new RingSender(sender);
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            receiver.close();
            sender.close();
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return "Session[capacity=0x" + Integer.toHexString(capacity()) + (isOpen() ? "" : ", closed") + ']';
    }
}
