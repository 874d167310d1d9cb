package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.BatchReceive;
import io.github.wintun4j.spi.Arguments;
import io.github.wintun4j.spi.ClaimedReceiver;
import io.github.wintun4j.spi.ClaimedSender;
import io.github.wintun4j.spi.SideClaim;
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
 *   <li>Memory safety: every native call on a ring runs under that direction's lock (receive and
 *       release under the receive lock; allocate, send and the end probe under the send lock), after
 *       checking that the session is not closed; every wait on the events runs inside a {@link CallGuard}.
 *       {@link #close()} refuses new calls, wakes the waiting ones (an event of our own, set at close, is
 *       waited on beside the DLL's read-wait event), waits for the waiters to leave, then takes both locks
 *       (so no ring call is in flight), revokes the packets' views ({@link PacketMemory}), and only then
 *       calls {@code WintunEndSession}, which frees the rings. The locks are taken per call anyway, so a
 *       call pays no more for its safety than the lock.</li>
 *   <li>Packets: a packet moves from usable to done exactly once, under its direction's lock, so the
 *       DLL never sees a double release. Its state is in the packet object alone, which nothing else
 *       keeps: on the common path (received straight from the ring, released or sent by the caller) C2's
 *       escape analysis can remove the object altogether.</li>
 *   <li>Waiting: receive until the ring is empty, spin briefly ({@link RingSession#SPIN_NANOS}, and
 *       only while the ring ran empty within the last millisecond after packets had arrived, as busy
 *       Wintun readers do), then wait
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
    /** {@link #emptySince} while the ring yields packets. */
    private static final long NOT_EMPTY = Long.MIN_VALUE;

    private enum Wake { READ_EVENT, CLOSED, TIMEOUT }

    private final SideClaim receiveClaim = new SideClaim("receive");
    private final SideClaim sendClaim = new SideClaim("send");
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
    /** {@code DWORD *PacketSize} of {@code WintunReceivePacket}, and its address; used under the receive lock. */
    private final ByteBuffer packetSize = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    private final long packetSizeAddress;
    /** Packets received ahead by {@link #awaitReadable} or {@link #isOpen()}; under the receive lock. */
    private final ArrayDeque<WindowsPacket> ahead = new ArrayDeque<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile boolean terminated;
    /**
     * When a receive first found the ring empty after packets had come, or {@link #NOT_EMPTY}; written
     * only on a change (under the receive lock), so a stream of packets costs no clock read and no fence.
     */
    private volatile long emptySince = System.nanoTime() - 2 * BUSY_NANOS;

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
        this.packetSizeAddress = dll.memory.addressOf(packetSize);
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
        receiveLock.lock();
        try {
            if (guard.isClosed()) {
                return false;
            }
            receiveAhead();
        } catch (WintunException corruptOrEnded) {
            // terminated is set when it was the end
        } finally {
            receiveLock.unlock();
        }
        return !terminated;
    }

    // Receiving

    @Override
    public Packet receivePacket() {
        receiveClaim.checkCaller();
        receiveLock.lock();
        try {
            if (guard.isClosed()) {
                throw closed(RECEIVE);
            }
            return receiveLocked();
        } finally {
            receiveLock.unlock();
        }
    }

    /**
     * The next packet, those received ahead first; {@code null} when the ring is empty. The packet of the
     * common path (nothing received ahead) is made here and reaches no field or collection, so that C2 can
     * scalar-replace it; a packet received ahead is made in {@link #receiveAhead()}.
     */
    private WindowsPacket receiveLocked() {
        if (terminated) {
            throw WindowsErrors.endOfFile(RECEIVE, "the adapter is terminating");
        }
        if (ahead.isEmpty()) {
            long address = receiveFromRing();
            return address == 0 ? null : receivedPacket(address);
        }
        try {
            receiveAhead();
        } catch (WintunException e) {
            if (terminated) {
                throw e;
            }
            // a corrupt record lies behind the packets received ahead: those first
        }
        return ahead.poll();
    }

    /** Receives one packet ahead, if there is one; errors as {@link #receiveFromRing()}. */
    private void receiveAhead() {
        if (!terminated) {
            long address = receiveFromRing();
            if (address != 0) {
                ahead.add(receivedPacket(address));
            }
        }
    }

    /** A packet just received at {@code address}, of the size {@link #receiveFromRing()} read; under the receive lock. */
    private WindowsPacket receivedPacket(long address) {
        WindowsPacket packet = new WindowsPacket(this, address, packetSize.getInt(0), true);
        memory.received(packet);
        return packet;
    }

    /**
     * {@code WintunReceivePacket} once (dropping records of impossible sizes); under the receive lock.
     *
     * @return the packet's address, its size in {@link #packetSize}; 0 when the ring is empty
     */
    private long receiveFromRing() {
        while (true) {
            long address = wintun.WintunReceivePacket(handle, packetSizeAddress);
            if (address == 0) {
                int error = wintun.lastError();
                switch (error) {
                    case WintunErrors.ERROR_NO_MORE_ITEMS:
                        if (emptySince == NOT_EMPTY) {
                            emptySince = System.nanoTime();
                        }
                        return 0;
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
            if (size >= 1 && size <= WintunConstants.MAX_IP_PACKET_SIZE) {
                if (emptySince != NOT_EMPTY) {
                    emptySince = NOT_EMPTY;
                }
                return address;
            }
            // A DLL that hands out an impossible size is not trusted with it: drop the record, after
            // showing it to the memory, which keeps a copying memory in step with the ring.
            memory.received(new WindowsPacket(this, address, size, true));
            wintun.WintunReleaseReceivePacket(handle, address);
        }
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        receiveClaim.checkCaller();
        long nanos = Arguments.requireTimeoutNanos(timeout, unit);
        Packet packet = receivePacket();
        if (packet != null || nanos == 0) {
            return packet;
        }
        long start = System.nanoTime();
        long empty = emptySince;
        if (empty == NOT_EMPTY || start - empty < BUSY_NANOS) {
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
                    packet = receivePacket(); // the last look, counted as a waiter: no lost signal
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
                packet = receivePacket();
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
        receiveClaim.checkCaller();
        Objects.requireNonNull(packets, "packets");
        receiveLock.lock();
        try {
            if (guard.isClosed()) {
                throw closed(RECEIVE);
            }
            return BatchReceive.fill(packets, this::receiveLocked);
        } finally {
            receiveLock.unlock();
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
            if (guard.isClosed() || terminated || !ahead.isEmpty()) {
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
        receiveClaim.checkCaller();
        WindowsPacket own = owned(Arguments.requirePacket(packet), true);
        receiveLock.lock();
        try {
            if (guard.isClosed()) {
                throw closed(RELEASE);
            }
            if (!own.finish()) {
                throw new IllegalStateException("packet was already released");
            }
            wintun.WintunReleaseReceivePacket(handle, own.address);
        } finally {
            receiveLock.unlock();
        }
    }

    // Sending

    @Override
    public Packet allocateSendPacket(int size) {
        sendClaim.checkCaller();
        Arguments.requirePacketSize(size);
        sendLock.lock();
        try {
            if (guard.isClosed()) {
                throw closed(ALLOCATE);
            }
            if (terminated) {
                throw WindowsErrors.endOfFile(ALLOCATE, "the adapter is terminating");
            }
            long address = wintun.WintunAllocateSendPacket(handle, size);
            if (address == 0) {
                allocationFailed(size);
                return null;
            }
            WindowsPacket packet = new WindowsPacket(this, address, size, false);
            memory.allocated(packet);
            return packet;
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * Out of line (keeps {@link #allocateSendPacket} small enough to inline): returns when the ring is full,
     * throws otherwise. Under the send lock.
     */
    private void allocationFailed(int size) {
        int error = wintun.lastError();
        if (error == WintunErrors.ERROR_BUFFER_OVERFLOW) {
            return;
        }
        if (error == WintunErrors.ERROR_HANDLE_EOF) {
            terminated = true;
            throw WindowsErrors.endOfFile(ALLOCATE, "the adapter is terminating");
        }
        throw WindowsErrors.of(ALLOCATE, error, "allocating a packet of " + size + " bytes");
    }

    @Override
    public void sendPacket(Packet packet) {
        sendClaim.checkCaller();
        WindowsPacket own = owned(Arguments.requirePacket(packet), false);
        sendLock.lock();
        try {
            if (guard.isClosed()) {
                throw closed(SEND);
            }
            if (!own.finish()) {
                throw alreadyDone(own);
            }
            memory.beforeSend(own);
            wintun.WintunSendPacket(handle, own.address);
            if (sendRingEnded()) {
                throw WindowsErrors.endOfFile(SEND, "the adapter is terminating; the packet was dropped");
            }
        } finally {
            sendLock.unlock();
        }
    }

    private static IllegalStateException alreadyDone(WindowsPacket sent) {
        return new IllegalStateException("packet was already " + (sent.state() == WindowsPacket.ABANDONED ? "closed" : "sent"));
    }

    /** Asks the DLL whether the send ring ended, with an allocation that can never fit; under the send lock. */
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
        ReentrantLock lock = packet.isReceived() ? receiveLock : sendLock;
        lock.lock();
        try {
            if (guard.isClosed()) {
                return;
            }
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
            lock.unlock();
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

    // Claims: wintun.dll serialises its calls itself, so a claim here only keeps other threads out.

    @Override
    public Receiver claimReceiver() {
        if (guard.isClosed()) {
            throw closed(RECEIVE);
        }
        receiveClaim.claim();
        return new ClaimedReceiver(this, receiveClaim::unclaim);
    }

    @Override
    public Sender claimSender() {
        if (guard.isClosed()) {
            throw closed(SEND);
        }
        sendClaim.claim();
        return new ClaimedSender(this, sendClaim::unclaim);
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        kernel32.SetEvent(closeEvent);
        guard.awaitQuiescent(); // the waiters left (they take the locks inside the guard: not under them)
        receiveLock.lock();     // no ring call is in flight, and every later one sees the guard closed
        sendLock.lock();
        try {
            memory.close();
            wintun.WintunEndSession(handle);
            kernel32.CloseHandle(closeEvent);
        } finally {
            sendLock.unlock();
            receiveLock.unlock();
        }
        adapter.forget(this);
    }

    @Override
    public String toString() {
        return "Session[capacity=0x" + Integer.toHexString(capacity) + (isLive() ? "" : ", closed") + ']';
    }
}
