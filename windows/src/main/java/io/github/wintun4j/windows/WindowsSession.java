package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.internal.BatchReceive;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.internal.ClaimedReceiver;
import io.github.wintun4j.internal.ClaimedSender;
import io.github.wintun4j.internal.ring.RingSession;
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
 *   <li>Memory safety, shared path: every native call on a ring runs under that direction's lock
 *       (receive and release under the receive lock; allocate, send and the end probe under the send lock),
 *       after checking that the session is not closed; every wait on the events runs inside a
 *       {@link CallGuard}. {@link #close()} refuses new calls, wakes the waiting ones (an event of our own,
 *       set at close, is waited on beside the DLL's read-wait event), waits for the waiters to leave, then
 *       takes both locks (so no ring call is in flight), revokes the packets' views ({@link PacketMemory}),
 *       and only then calls {@code WintunEndSession}, which frees the rings.</li>
 *   <li>Memory safety, claimed path: the thread that claimed a side ({@link #claimReceiver()},
 *       {@link #claimSender()}) calls the DLL without the lock, after reading the closed flag (a volatile
 *       read: no atomic instruction, no fence). Claiming takes the side's lock, so a claimant's calls never
 *       overlap a shared call of its side. A {@code close()} while a side is claimed by another thread does
 *       not end the session itself: the claimant does, at its next call (which reports
 *       {@code ERROR_HANDLE_EOF}) or when it gives its claim back ({@link SessionClaims}, which also says
 *       what a claimant that never calls again keeps alive).</li>
 *   <li>Packets: a packet moves from usable to done exactly once, under its direction's lock or by
 *       the side's claimant (the one thread that may then touch that side), so the
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

    private final SessionClaims claims = new SessionClaims();
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
    /** {@code DWORD *PacketSize} of {@code WintunReceivePacket}, and its address; used on the receive side (below). */
    private final ByteBuffer packetSize = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    private final long packetSizeAddress;
    /**
     * Packets received ahead by {@link #awaitReadable} or {@link #isOpen()}. This, {@link #packetSize} and the
     * memory's receive state belong to "the receive side": used under the receive lock, or by the receive
     * side's claimant (claiming takes the lock, so the two never overlap); likewise the send side.
     */
    private final ArrayDeque<WindowsPacket> ahead = new ArrayDeque<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile boolean terminated;
    /**
     * When a receive first found the ring empty after packets had come, or {@link #NOT_EMPTY}; written
     * only on a change (on the receive side), so a stream of packets costs no clock read and no fence.
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

    /**
     * Receives ahead to learn whether the adapter went away; while another thread holds the receive side,
     * only what that thread learnt so far.
     */
    @Override
    public boolean isOpen() {
        if (claims.receive.isHeldByCaller()) {
            if (guard.isClosed()) {
                checkOut(claims.receive);
                return false;
            }
            receiveAheadQuietly();
            return !terminated;
        }
        receiveLock.lock();
        try {
            if (guard.isClosed()) {
                return false;
            }
            if (!claims.receive.isClaimed()) {
                receiveAheadQuietly();
            }
        } finally {
            receiveLock.unlock();
        }
        return !terminated;
    }

    private void receiveAheadQuietly() {
        try {
            receiveAhead();
        } catch (WintunException corruptOrEnded) {
            // terminated is set when it was the end
        }
    }

    // Receiving

    @Override
    public Packet receivePacket() {
        if (claims.receive.isHeldByCaller()) {
            if (guard.isClosed()) {
                throw closedFor(claims.receive, RECEIVE);
            }
            return receiveNext();
        }
        receiveLock.lock();
        try {
            requireShared(claims.receive, RECEIVE);
            return receiveNext();
        } finally {
            receiveLock.unlock();
        }
    }

    /** On the shared path of {@code side}, under its lock: the session is open and nobody holds the side. */
    private void requireShared(SessionClaims.Side side, String function) {
        if (guard.isClosed()) {
            throw closed(function);
        }
        side.requireUnclaimed();
    }

    /**
     * The next packet, those received ahead first; {@code null} when the ring is empty; on the receive side
     * (under its lock or by its claimant; so are the methods below that use the ring). The packet of the
     * common path (nothing received ahead) is made here and reaches no field or collection, so that C2 can
     * scalar-replace it; a packet received ahead is made in {@link #receiveAhead()}.
     */
    private WindowsPacket receiveNext() {
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

    /** A packet just received at {@code address}, of the size {@link #receiveFromRing()} read. */
    private WindowsPacket receivedPacket(long address) {
        WindowsPacket packet = new WindowsPacket(this, address, packetSize.getInt(0), true);
        memory.received(packet);
        return packet;
    }

    /**
     * {@code WintunReceivePacket} once (dropping records of impossible sizes).
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
            throw closedFor(claims.receive, RECEIVE);
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
                    throw closedFor(claims.receive, RECEIVE);
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
        Objects.requireNonNull(packets, "packets");
        if (claims.receive.isHeldByCaller()) {
            if (guard.isClosed()) {
                throw closedFor(claims.receive, RECEIVE);
            }
            return BatchReceive.fill(packets, this::receiveNext);
        }
        receiveLock.lock();
        try {
            requireShared(claims.receive, RECEIVE);
            return BatchReceive.fill(packets, this::receiveNext);
        } finally {
            receiveLock.unlock();
        }
    }

    /**
     * The session's packet-by-packet in-place receive. On the shared path the receive lock is held
     * for the whole call (a re-entrant lock: the packet calls inside take it again), so that no
     * thread claims the side while a handler holds one of its packets. For the claimant, one
     * packet per round, so that a handler that closes the receiver ends the call after its packet
     * (as {@code Receiver} promises) instead of the rest going on through the shared path.
     */
    @Override
    public int receivePackets(PacketHandler handler, int max) {
        if (!claims.receive.isHeldByCaller()) {
            receiveLock.lock();
            try {
                return Session.super.receivePackets(handler, max);
            } finally {
                receiveLock.unlock();
            }
        }
        if (max <= 1) {
            return Session.super.receivePackets(handler, max);
        }
        int count = 0;
        while (count < max && claims.receive.isHeldByCaller()) {
            int handed;
            try {
                handed = Session.super.receivePackets(handler, 1);
            } catch (WintunException e) {
                if (count == 0) {
                    throw e;
                }
                break;
            }
            if (handed == 0) {
                break;
            }
            count++;
        }
        return count;
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
                if (wake == Wake.READ_EVENT && claims.receive.isClaimed() && !claims.receive.isHeldByCaller()) {
                    kernel32.SetEvent(readEvent); // the claimant may be waiting for the one wake-up just taken
                    return true;
                }
            }
        } finally {
            guard.exit();
        }
    }

    /**
     * @return whether a receive would not report an empty ring; receives ahead to know, but not while
     *         another thread holds the receive side ({@code false} then: the read event tells)
     */
    private boolean isReadable() {
        if (claims.receive.isHeldByCaller()) {
            return guard.isClosed() || readableNow();
        }
        receiveLock.lock();
        try {
            return guard.isClosed() || !claims.receive.isClaimed() && readableNow();
        } finally {
            receiveLock.unlock();
        }
    }

    /** On the receive side, not closed. */
    private boolean readableNow() {
        try {
            if (terminated || !ahead.isEmpty()) {
                return true;
            }
            receiveAhead();
            return !ahead.isEmpty();
        } catch (WintunException endedOrCorrupt) {
            return true;
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
        if (claims.receive.isHeldByCaller()) {
            if (guard.isClosed()) {
                throw closedFor(claims.receive, RELEASE);
            }
            release(own);
            return;
        }
        receiveLock.lock();
        try {
            requireShared(claims.receive, RELEASE);
            release(own);
        } finally {
            receiveLock.unlock();
        }
    }

    /** On the receive side. */
    private void release(WindowsPacket own) {
        if (!own.finish()) {
            throw new IllegalStateException("packet was already released");
        }
        wintun.WintunReleaseReceivePacket(handle, own.address);
    }

    // Sending

    @Override
    public Packet allocateSendPacket(int size) {
        Arguments.requirePacketSize(size);
        if (claims.send.isHeldByCaller()) {
            if (guard.isClosed()) {
                throw closedFor(claims.send, ALLOCATE);
            }
            return allocate(size);
        }
        sendLock.lock();
        try {
            requireShared(claims.send, ALLOCATE);
            return allocate(size);
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * On the send side (under its lock or by its claimant, as every method below that uses the send ring).
     * The packet reaches no field or collection (a copying memory's is not scalar-replaced anyway).
     */
    private WindowsPacket allocate(int size) {
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
    }

    /**
     * Out of line (keeps {@link #allocateSendPacket} small enough to inline): returns when the ring is full,
     * throws otherwise.
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
        WindowsPacket own = owned(Arguments.requirePacket(packet), false);
        if (claims.send.isHeldByCaller()) {
            if (guard.isClosed()) {
                throw closedFor(claims.send, SEND);
            }
            send(own);
            return;
        }
        sendLock.lock();
        try {
            requireShared(claims.send, SEND);
            send(own);
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * {@code WintunSendPacket}, then the end probe: the send itself cannot fail, so only an allocation
     * tells whether the adapter went away, which the API reports from this send.
     */
    private void send(WindowsPacket own) {
        if (!own.finish()) {
            throw alreadyDone(own);
        }
        memory.beforeSend(own);
        wintun.WintunSendPacket(handle, own.address);
        int probe = terminated ? WintunErrors.ERROR_HANDLE_EOF : wintun.WintunAllocateSendPacketError(handle, capacity);
        if (probe != WintunErrors.ERROR_BUFFER_OVERFLOW) {
            sendProbeAnswered(probe);
        }
    }

    private static IllegalStateException alreadyDone(WindowsPacket sent) {
        return new IllegalStateException("packet was already " + (sent.state() == WindowsPacket.ABANDONED ? "closed" : "sent"));
    }

    /**
     * Out of line (keeps {@link #send} small enough to inline): the end probe, an allocation of the whole
     * capacity that never fits, did not answer "ring full" ({@code ERROR_BUFFER_OVERFLOW}). Throws when the
     * ring ended.
     */
    private void sendProbeAnswered(int error) {
        if (error == 0) {
            throw new WintunException(ALLOCATE, WintunErrors.ERROR_GEN_FAILURE, "the DLL allocated a packet as large"
                    + " as its ring (0x" + Integer.toHexString(capacity) + " bytes): it does not follow wintun.h 0.14");
        }
        if (error == WintunErrors.ERROR_HANDLE_EOF) {
            terminated = true;
            throw WindowsErrors.endOfFile(SEND, "the adapter is terminating; the packet was dropped");
        }
        // another error is not an end: the packet went out
    }

    /**
     * Ends a packet its user closed: releases a received one, discards an unsent one. Never throws, but on a
     * thread other than the claimant of the packet's side.
     */
    void closePacket(WindowsPacket packet) {
        SessionClaims.Side side = packet.isReceived() ? claims.receive : claims.send;
        if (side.isHeldByCaller()) {
            if (guard.isClosed()) {
                checkOut(side);
            } else {
                closeOnSide(packet);
            }
            return;
        }
        ReentrantLock lock = packet.isReceived() ? receiveLock : sendLock;
        lock.lock();
        try {
            if (guard.isClosed()) {
                return;
            }
            side.requireUnclaimed();
            closeOnSide(packet);
        } finally {
            lock.unlock();
        }
    }

    /** On the packet's side. */
    private void closeOnSide(WindowsPacket packet) {
        if (packet.isReceived()) {
                if (packet.finish()) {
                wintun.WintunReleaseReceivePacket(handle, packet.address);
            }
        } else if (packet.abandon()) {
            // A zero version nibble makes the driver drop it as non-IP; it must still be "sent" so
            // that the packets allocated after it are not held back.
            wintun.WintunSendPacket(handle, zeroed(packet));
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

    /**
     * @return the error of a call that saw the session closed; a claimant of {@code side} checks out first
     *         (and ends the session when it is the last that may call the DLL)
     */
    private WintunException closedFor(SessionClaims.Side side, String function) {
        if (side.isHeldByCaller()) {
            checkOut(side);
        }
        return closed(function);
    }

    /** The claimant of {@code side} saw the session closed. */
    private void checkOut(SessionClaims.Side side) {
        if (claims.checkOut(side)) {
            end();
        }
    }

    // Claims: wintun.dll serialises its calls itself, so a claimant needs no lock; see SessionClaims.

    @Override
    public Receiver claimReceiver() {
        claim(claims.receive, receiveLock, RECEIVE);
        return new ClaimedReceiver(this, () -> giveBack(claims.receive));
    }

    @Override
    public Sender claimSender() {
        claim(claims.send, sendLock, SEND);
        return new ClaimedSender(this, () -> giveBack(claims.send));
    }

    private void claim(SessionClaims.Side side, ReentrantLock lock, String function) {
        lock.lock(); // a shared call of this side in flight ends first, and later ones see the claim
        try {
            if (guard.isClosed() || !claims.claim(side)) {
                throw closed(function);
            }
        } finally {
            lock.unlock();
        }
    }

    /** On the claimant's thread, once. */
    private void giveBack(SessionClaims.Side side) {
        if (claims.unclaim(side)) {
            end();
        }
    }

    /**
     * Refuses new calls and wakes the waiting ones; ends the session at once unless another thread holds a
     * side, whose claimant then ends it ({@link SessionClaims}).
     */
    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        kernel32.SetEvent(closeEvent);
        guard.awaitQuiescent(); // the waiters left (they take the locks inside the guard: not under them)
        if (claims.close()) {
            end();
        }
    }

    /** Frees the rings: once, when closed and no claimant may call the DLL any more. */
    private void end() {
        receiveLock.lock(); // no shared ring call is in flight, and every later one sees the guard closed
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
