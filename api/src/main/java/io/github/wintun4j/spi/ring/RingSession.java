package io.github.wintun4j.spi.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.spi.Arguments;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Session} over two Java {@link Ring}s, for backends whose driver side is Java too: the
 * mock (an in-memory driver) and Linux (a pump between the rings and the TUN file descriptor).
 * The application reads the receive ring and writes the send ring; the backend holds the other
 * ends. All the rules of {@link Session} hold here, written once.
 *
 * <p>Thread-safe.
 */
public class RingSession implements Session {

    /**
     * How long {@link #receivePacket(long, TimeUnit)} spins before it waits: brief, as Wintun's
     * own guidance for busy readers (a few microseconds), so that an idle reader costs no CPU.
     */
    public static final long SPIN_NANOS = 10_000;

    private final Ring receiveRing;
    private final RingReader receiver;
    private final RingWriter sender;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Runnable onClose;

    /**
     * @param receiveRing the ring from the adapter to the application
     * @param sendRing    the ring from the application to the adapter
     * @param onClose     run once, after the session's ends are closed (for the backend's cleanup)
     */
    public RingSession(Ring receiveRing, Ring sendRing, Runnable onClose) {
        if (receiveRing.capacity() != sendRing.capacity()) {
            throw new IllegalArgumentException("both rings must have the same capacity");
        }
        this.receiveRing = receiveRing;
        this.receiver = new RingReader(receiveRing, "WintunReceivePacket");
        this.sender = new RingWriter(sendRing, "WintunAllocateSendPacket");
        this.onClose = onClose;
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
        return receiver.receive();
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        Packet packet = receiver.receive();
        if (packet != null || nanos == 0) {
            return packet;
        }
        long start = System.nanoTime();
        long spinUntil = start + Math.min(SPIN_NANOS, nanos);
        while (System.nanoTime() - spinUntil < 0) {
            if (receiver.isReadable()) {
                packet = receiver.receive();
                if (packet != null) {
                    return packet;
                }
            }
            Thread.onSpinWait();
        }
        long deadline = start + nanos;
        while (true) {
            long left = deadline - System.nanoTime();
            if (!receiveRing.signal().await(receiver::isReadable, left)) {
                return null;
            }
            packet = receiver.receive();
            if (packet != null) {
                return packet;
            }
        }
    }

    @Override
    public int receivePackets(Packet[] packets) {
        return receiver.receive(packets);
    }

    @Override
    public boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        return receiveRing.signal().await(receiver::isReadable, nanos);
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        receiver.release(Arguments.requirePacket(packet));
    }

    @Override
    public Packet allocateSendPacket(int size) {
        return sender.allocate(size);
    }

    @Override
    public void sendPacket(Packet packet) {
        sender.send(Arguments.requirePacket(packet));
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
