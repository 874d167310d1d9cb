package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.BatchReceive;
import io.github.wintun4j.spi.Arguments;
import io.github.wintun4j.spi.ring.RingSession;
import io.github.wintun4j.windows.sys.Kernel32;
import io.github.wintun4j.windows.sys.WindowsAbi;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session over the DLL's own rings ({@code WintunStartSession}): the DLL keeps the rings and their
 * rules (sizes, release order, send order, error order); this class keeps what Java must add to it.
 *
 * <ul>
 *   <li>Memory safety: every native call runs inside a {@link CallGuard}; {@link #close()} refuses new
 *       calls, wakes the waiting ones (an event of our own, set at close, is waited on beside the DLL's
 *       read-wait event), waits for the calls in flight, revokes the packets' views
 *       ({@link PacketMemory}), and only then calls {@code WintunEndSession}, which frees the rings.
 *       A packet moves from usable to done exactly once, so the DLL never sees a double release.</li>
 *   <li>Waiting: receive until the ring is empty, spin briefly ({@link RingSession#SPIN_NANOS}, and
 *       only while packets arrived within the last millisecond, as busy Wintun readers do), then wait
 *       on the read-wait event in slices of {@value #WAIT_SLICE_MILLIS} ms (so that an interrupt is
 *       seen). The event is auto-reset and one signal wakes one waiter: a waiter that wakes, finds a
 *       packet and sees other waiters passes the signal on.</li>
 *   <li>Readability and the end of the session: Wintun has no "peek", so {@link #awaitReadable} and
 *       {@link #isOpen()} receive a packet ahead when there is one and hand it out first later; that
 *       is also how they learn that the adapter went away ({@code ERROR_HANDLE_EOF}, which then wins
 *       over such packets). A send learns it from an allocation of the whole capacity, which never fits
 *       and so fails with {@code ERROR_HANDLE_EOF} on an ended ring and {@code ERROR_BUFFER_OVERFLOW}
 *       otherwise, without allocating anything.</li>
 * </ul>
 *
 * <p>Threading and the state after close: as {@link Session}.
 */
final class WindowsSession implements Session {

    static final int WAIT_SLICE_MILLIS = 50;
    /** Spin only while packets arrived within this long. */
    private static final long BUSY_NANOS = 1_000_000;

    private static final String RECEIVE = "WintunReceivePacket";
    private static final String RELEASE = "WintunReleaseReceivePacket";
    private static final String ALLOCATE = "WintunAllocateSendPacket";
    private static final String SEND = "WintunSendPacket";

    private enum Wake { READ_EVENT, CLOSED, TIMEOUT }

    private final WindowsAdapter adapter;
    private final WintunLibrary wintun;
    private final Kernel32 kernel32;
    private final long handle;
    private final int capacity;
    private final long readEvent;
    private final long closeEvent;
    private final ByteBuffer waitHandles;
    private final PacketMemory memory;
    private final CallGuard guard = new CallGuard();
    private final ReentrantLock receiveLock = new ReentrantLock();
    private final ReentrantLock sendLock = new ReentrantLock();
    /** {@code DWORD *PacketSize} of {@code WintunReceivePacket}; used under the receive lock. */
    private final ByteBuffer packetSize = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    /** Packets received ahead by {@link #awaitReadable} or {@link #isOpen()}; under the receive lock. */
    private final ArrayDeque<WindowsPacket> ahead = new ArrayDeque<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile boolean terminated;
    private volatile long lastArrival = System.nanoTime() - 2 * BUSY_NANOS;

    private WindowsSession(WindowsAdapter adapter, long handle, int capacity, long readEvent, long closeEvent) {
        BoundDll dll = adapter.dll();
        this.adapter = adapter;
        this.wintun = dll.wintun;
        this.kernel32 = dll.kernel32;
        this.handle = handle;
        this.capacity = capacity;
        this.readEvent = readEvent;
        this.closeEvent = closeEvent;
        this.waitHandles = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        waitHandles.putLong(0, readEvent).putLong(8, closeEvent);
        this.memory = PacketMemory.of(dll.memory, capacity);
    }

    /** Starts a session on an adapter handle the caller keeps alive. */
    static WindowsSession start(WindowsAdapter adapter, long adapterHandle, int capacity) {
        BoundDll dll = adapter.dll();
        long handle = dll.wintun.WintunStartSession(adapterHandle, capacity);
        if (handle == 0) {
            throw dll.lastError("WintunStartSession", "starting a session on \"" + adapter.name() + "\" with ring"
                    + " capacity 0x" + Integer.toHexString(capacity));
        }
        long closeEvent = dll.kernel32.CreateEventW(true, false);
        if (closeEvent == 0) {
            WintunException failure = WindowsErrors.of("CreateEventW", dll.kernel32.lastError(),
                    "creating the close event of a session");
            dll.wintun.WintunEndSession(handle);
            throw failure;
        }
        return new WindowsSession(adapter, handle, capacity, dll.wintun.WintunGetReadWaitEvent(handle), closeEvent);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** @return whether {@link #close()} has not been called: the packets' memory is alive */
    boolean isLive() {
        return !guard.isClosed();
    }

    PacketMemory memory() {
        return memory;
    }

    @Override
    public boolean isOpen() {
        if (!guard.enter()) {
            return false;
        }
        try {
            receiveLock.lock();
            try {
                receiveAhead();
            } catch (WintunException corruptOrEnded) {
                // terminated is set when it was the end
            } finally {
                receiveLock.unlock();
            }
            return !terminated;
        } finally {
            guard.exit();
        }
    }

    // Receiving

    @Override
    public Packet receivePacket() {
        if (!guard.enter()) {
            throw closed(RECEIVE);
        }
        try {
            return receiveGuarded();
        } finally {
            guard.exit();
        }
    }

    private WindowsPacket receiveGuarded() {
        receiveLock.lock();
        try {
            return receiveLocked();
        } finally {
            receiveLock.unlock();
        }
    }

    /** The next packet, those received ahead first; {@code null} when the ring is empty. */
    private WindowsPacket receiveLocked() {
        if (terminated) {
            throw WindowsErrors.endOfFile(RECEIVE, "the adapter is terminating");
        }
        WindowsPacket next;
        try {
            next = receiveFromRing();
        } catch (WintunException e) {
            if (terminated || ahead.isEmpty()) {
                throw e;
            }
            return ahead.poll(); // a corrupt record lies behind the packets received ahead
        }
        if (ahead.isEmpty()) {
            return next;
        }
        if (next != null) {
            ahead.add(next);
        }
        return ahead.poll();
    }

    /** Receives one packet ahead, if there is one; errors as {@link #receiveFromRing()}. */
    private void receiveAhead() {
        if (!terminated) {
            WindowsPacket next = receiveFromRing();
            if (next != null) {
                ahead.add(next);
            }
        }
    }

    /** {@code WintunReceivePacket} once; under the receive lock. */
    private WindowsPacket receiveFromRing() {
        while (true) {
            long address = wintun.WintunReceivePacket(handle, packetSize);
            if (address == 0) {
                int error = wintun.lastError();
                switch (error) {
                    case WintunErrors.ERROR_NO_MORE_ITEMS:
                        return null;
                    case WintunErrors.ERROR_HANDLE_EOF:
                        terminated = true;
                        ahead.clear();
                        throw WindowsErrors.endOfFile(RECEIVE, "the adapter is terminating");
                    case WintunErrors.ERROR_INVALID_DATA:
                        throw WindowsErrors.of(RECEIVE, error, "the receive ring is corrupt");
                    default:
                        throw WindowsErrors.of(RECEIVE, error, "receiving a packet");
                }
            }
            int size = packetSize.getInt(0);
            WindowsPacket packet = new WindowsPacket(this, address, size, true);
            memory.received(packet); // keeps a copying memory in step with the ring, whatever the size
            if (size >= 1 && size <= WintunConstants.MAX_IP_PACKET_SIZE) {
                lastArrival = System.nanoTime();
                return packet;
            }
            // A DLL that hands out an impossible size is not trusted with it: drop the record.
            packet.finish();
            wintun.WintunReleaseReceivePacket(handle, address);
        }
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        Packet packet = receivePacket();
        if (packet != null || nanos == 0) {
            return packet;
        }
        long start = System.nanoTime();
        if (start - lastArrival < BUSY_NANOS) {
            long spin = Math.min(RingSession.SPIN_NANOS, nanos);
            while (System.nanoTime() - start < spin) {
                packet = receivePacket();
                if (packet != null) {
                    return packet;
                }
                Thread.onSpinWait();
            }
        }
        if (!guard.enter()) {
            throw closed(RECEIVE);
        }
        try {
            while (true) {
                long left = nanos - (System.nanoTime() - start);
                if (left <= 0) {
                    return null;
                }
                Wake wake;
                waiters.incrementAndGet();
                try {
                    packet = receiveGuarded(); // the last look, counted as a waiter: no lost signal
                    if (packet != null) {
                        return packet;
                    }
                    wake = waitForReadEvent(left);
                } finally {
                    waiters.decrementAndGet();
                }
                if (wake == Wake.CLOSED) {
                    throw closed(RECEIVE);
                }
                packet = receiveGuarded();
                if (packet != null) {
                    if (wake == Wake.READ_EVENT && waiters.get() > 0) {
                        kernel32.SetEvent(readEvent); // pass the auto-reset event's one wake-up on
                    }
                    return packet;
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public int receivePackets(Packet[] packets) {
        Objects.requireNonNull(packets, "packets");
        if (!guard.enter()) {
            throw closed(RECEIVE);
        }
        try {
            receiveLock.lock();
            try {
                return BatchReceive.fill(packets, this::receiveLocked);
            } finally {
                receiveLock.unlock();
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        if (!guard.enter()) {
            return true;
        }
        try {
            long start = System.nanoTime();
            while (true) {
                waiters.incrementAndGet();
                Wake wake;
                try {
                    if (isReadable()) {
                        return true;
                    }
                    long left = nanos - (System.nanoTime() - start);
                    if (left <= 0) {
                        return false;
                    }
                    wake = waitForReadEvent(left);
                } finally {
                    waiters.decrementAndGet();
                }
                if (wake == Wake.CLOSED) {
                    return true;
                }
            }
        } finally {
            guard.exit();
        }
    }

    /** @return whether a receive would not report an empty ring; receives ahead to know */
    private boolean isReadable() {
        receiveLock.lock();
        try {
            if (terminated || !ahead.isEmpty()) {
                return true;
            }
            receiveAhead();
            return !ahead.isEmpty();
        } catch (WintunException endedOrCorrupt) {
            return true;
        } finally {
            receiveLock.unlock();
        }
    }

    /** One slice of waiting on the read-wait event and the close event; inside the guard. */
    private Wake waitForReadEvent(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for a packet");
        }
        int millis = (int) Math.max(1, Math.min(WAIT_SLICE_MILLIS, (nanos + 999_999) / 1_000_000));
        int result = kernel32.WaitForMultipleObjects(2, waitHandles, false, millis);
        if (result == WindowsAbi.WAIT_OBJECT_0) {
            return Wake.READ_EVENT;
        }
        if (result == WindowsAbi.WAIT_OBJECT_0 + 1) {
            return Wake.CLOSED;
        }
        if (result == WindowsAbi.WAIT_TIMEOUT) {
            return Wake.TIMEOUT;
        }
        throw WindowsErrors.of("WaitForMultipleObjects", kernel32.lastError(), "waiting for the read-wait event");
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        WindowsPacket own = owned(Arguments.requirePacket(packet), true);
        if (!guard.enter()) {
            throw closed(RELEASE);
        }
        try {
            if (!own.finish()) {
                throw new IllegalStateException("packet was already released");
            }
            wintun.WintunReleaseReceivePacket(handle, own.address);
        } finally {
            guard.exit();
        }
    }

    // Sending

    @Override
    public Packet allocateSendPacket(int size) {
        Arguments.requirePacketSize(size);
        if (!guard.enter()) {
            throw closed(ALLOCATE);
        }
        try {
            if (terminated) {
                throw WindowsErrors.endOfFile(ALLOCATE, "the adapter is terminating");
            }
            sendLock.lock();
            try {
                long address = wintun.WintunAllocateSendPacket(handle, size);
                if (address == 0) {
                    int error = wintun.lastError();
                    if (error == WintunErrors.ERROR_BUFFER_OVERFLOW) {
                        return null;
                    }
                    if (error == WintunErrors.ERROR_HANDLE_EOF) {
                        terminated = true;
                        throw WindowsErrors.endOfFile(ALLOCATE, "the adapter is terminating");
                    }
                    throw WindowsErrors.of(ALLOCATE, error, "allocating a packet of " + size + " bytes");
                }
                WindowsPacket packet = new WindowsPacket(this, address, size, false);
                memory.allocated(packet);
                return packet;
            } finally {
                sendLock.unlock();
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public void sendPacket(Packet packet) {
        WindowsPacket own = owned(Arguments.requirePacket(packet), false);
        if (!guard.enter()) {
            throw closed(SEND);
        }
        try {
            if (!own.finish()) {
                throw new IllegalStateException("packet was already "
                        + (own.state() == WindowsPacket.ABANDONED ? "closed" : "sent"));
            }
            memory.beforeSend(own);
            wintun.WintunSendPacket(handle, own.address);
            if (sendRingEnded()) {
                throw WindowsErrors.endOfFile(SEND, "the adapter is terminating; the packet was dropped");
            }
        } finally {
            guard.exit();
        }
    }

    /** Asks the DLL whether the send ring ended, with an allocation that can never fit; inside the guard. */
    private boolean sendRingEnded() {
        if (terminated) {
            return true;
        }
        long address = wintun.WintunAllocateSendPacket(handle, capacity);
        if (address != 0) {
            throw new WintunException(ALLOCATE, WintunErrors.ERROR_GEN_FAILURE, "the DLL allocated a packet as large"
                    + " as its ring (0x" + Integer.toHexString(capacity) + " bytes): it does not follow wintun.h 0.14");
        }
        if (wintun.lastError() == WintunErrors.ERROR_HANDLE_EOF) {
            terminated = true;
        }
        return terminated;
    }

    /** Ends a packet its user closed: releases a received one, discards an unsent one. Never throws. */
    void closePacket(WindowsPacket packet) {
        if (!guard.enter()) {
            return;
        }
        try {
            if (packet.isReceived()) {
                if (packet.finish()) {
                    wintun.WintunReleaseReceivePacket(handle, packet.address);
                }
            } else if (packet.abandon()) {
                // A zero version nibble makes the driver drop it as non-IP; it must still be "sent" so
                // that the packets allocated after it are not held back.
                wintun.WintunSendPacket(handle, zeroed(packet));
            }
        } finally {
            guard.exit();
        }
    }

    private long zeroed(WindowsPacket packet) {
        adapter.dll().memory.zero(packet.address, packet.size());
        return packet.address;
    }

    private WindowsPacket owned(Packet packet, boolean receiving) {
        if (packet instanceof WindowsPacket && ((WindowsPacket) packet).session == this
                && packet.isReceived() == receiving) {
            return (WindowsPacket) packet;
        }
        if (receiving) {
            throw new IllegalArgumentException(packet.isReceived()
                    ? "packet was received from another session" : "packet was allocated for sending, not received");
        }
        throw new IllegalArgumentException(packet.isReceived()
                ? "packet was received, not allocated for sending" : "packet was allocated by another session");
    }

    private static WintunException closed(String function) {
        return WindowsErrors.endOfFile(function, "the session was closed");
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        kernel32.SetEvent(closeEvent);
        guard.awaitQuiescent();
        memory.close();
        wintun.WintunEndSession(handle);
        kernel32.CloseHandle(closeEvent);
        adapter.forget(this);
    }

    @Override
    public String toString() {
        return "Session[capacity=0x" + Integer.toHexString(capacity) + (isLive() ? "" : ", closed") + ']';
    }
}
