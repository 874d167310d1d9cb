// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.internal.Arguments;
import io.github.wintun4j.windows.sys.Kernel32;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A session over the DLL's own rings ({@code WintunStartSession}): the DLL keeps the rings and their
 * rules (sizes, release order, send order, error order); this class dispatches the API's calls to the
 * {@link ReceiveSide}, the {@link SendSide} and the {@link ReadWait}, through {@link SessionAccess},
 * which says who may touch a side now: the session's own methods always lock and are refused while
 * the side is claimed; a claimed {@link WindowsReceiver} or {@link WindowsSender} is the only way in
 * without the lock.
 *
 * <p>Memory safety: {@link #close()} refuses new calls, wakes the waiting ones, waits for the waiters
 * to leave, then (in {@link #end()}) takes both locks, so that no ring call of the locked way is in
 * flight, revokes the packets' views ({@link PacketMemory}), and only then calls
 * {@code WintunEndSession}, which frees the rings. A {@code close()} while another thread holds a side
 * leaves the end to that claimant ({@link SessionClaims}). A packet moves from usable to done exactly
 * once, on its side, so the DLL never sees a double release.
 *
 * <p>Threading and the state after close: as {@link Session}.
 */
final class WindowsSession implements Session {

    final SessionAccess access = new SessionAccess(this::end);
    final SessionClaims claims = access.claims;
    final CallGuard guard = access.guard;
    /** Set when the DLL reported the adapter's end, by either side. */
    volatile boolean terminated;
    final ReceiveSide receiving;
    final SendSide sending;
    final ReadWait readWait;
    private final WindowsAdapter adapter;
    private final WintunLibrary wintun;
    private final Kernel32 kernel32;
    private final long handle;
    private final int capacity;
    private final long closeEvent;
    private final PacketMemory memory;

    private WindowsSession(WindowsAdapter adapter, long handle, int capacity, long readEvent, long closeEvent) {
        BoundDll dll = adapter.dll();
        this.adapter = adapter;
        this.wintun = dll.wintun;
        this.kernel32 = dll.kernel32;
        this.handle = handle;
        this.capacity = capacity;
        this.closeEvent = closeEvent;
        this.memory = PacketMemory.of(dll.memory, capacity);
        this.receiving = new ReceiveSide(this, dll, handle, memory);
        this.sending = new SendSide(this, dll, handle, capacity, memory);
        this.readWait = new ReadWait(this, dll.kernel32, readEvent, closeEvent);
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

    /** Receives ahead to learn whether the adapter went away; while another thread holds the side, what it learnt. */
    @Override
    public boolean isOpen() {
        boolean held = SessionAccess.holdOrLock(claims.receive);
        try {
            if (guard.isClosed()) {
                if (held) {
                    access.checkOut(claims.receive);
                }
                return false;
            }
            if (held || !claims.receive.isClaimed()) {
                receiving.receiveAheadQuietly();
            }
            return !terminated;
        } finally {
            SessionAccess.leave(claims.receive, held);
        }
    }

    /** @return whether a receive would not report an empty ring ({@code false} while another thread holds the side) */
    boolean isReadable() {
        boolean held = SessionAccess.holdOrLock(claims.receive);
        try {
            return guard.isClosed() || (held || !claims.receive.isClaimed()) && receiving.readableNow();
        } finally {
            SessionAccess.leave(claims.receive, held);
        }
    }

    @Override
    public Packet receivePacket() {
        access.lockShared(claims.receive, ReceiveSide.RECEIVE);
        try {
            return receiving.next();
        } finally {
            claims.receive.lock.unlock();
        }
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        return readWait.awaitPacket(Arguments.requireTimeoutNanos(timeout, unit), false);
    }

    /** One receive of the blocking receive, on the claimed or the locked way as its caller is. */
    Packet receiveOnce(boolean claimed) {
        if (claimed) {
            access.requireClaimant(claims.receive, ReceiveSide.RECEIVE);
            return receiving.next();
        }
        return receivePacket();
    }

    /** Holds the receive lock for the whole call: no claim comes between a handler and its release. */
    @Override
    public int receiveEach(PacketHandler handler, int max) {
        Arguments.requireHandler(handler, max);
        access.lockShared(claims.receive, ReceiveSide.RECEIVE);
        try {
            return receiving.receiveEach(handler, max, null);
        } finally {
            claims.receive.lock.unlock();
        }
    }

    @Override
    public boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException {
        return readWait.awaitReadable(Arguments.requireTimeoutNanos(timeout, unit));
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        WindowsPacket own = WindowsPacket.owned(this, Arguments.requirePacket(packet), true);
        access.lockShared(claims.receive, ReceiveSide.RELEASE);
        try {
            receiving.release(own);
        } finally {
            claims.receive.lock.unlock();
        }
    }

    @Override
    public Packet allocateSendPacket(int size) {
        Arguments.requirePacketSize(size);
        access.lockShared(claims.send, SendSide.ALLOCATE);
        try {
            return sending.allocate(size);
        } finally {
            claims.send.lock.unlock();
        }
    }

    @Override
    public void sendPacket(Packet packet) {
        WindowsPacket own = WindowsPacket.owned(this, Arguments.requirePacket(packet), false);
        access.lockShared(claims.send, SendSide.SEND);
        try {
            sending.send(own);
        } finally {
            claims.send.lock.unlock();
        }
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        Arguments.requirePacketSize(Objects.requireNonNull(packet, "packet").remaining());
        access.lockShared(claims.send, SendSide.ALLOCATE);
        try {
            return sending.sendCopy(packet);
        } finally {
            claims.send.lock.unlock();
        }
    }

    /** Ends a packet its user closed. Never throws, but on a thread other than the claimant of its side. */
    void closePacket(WindowsPacket packet) {
        boolean received = packet.isReceived();
        SessionClaims.Side side = received ? claims.receive : claims.send;
        boolean held = SessionAccess.holdOrLock(side);
        try {
            if (guard.isClosed()) {
                if (held) {
                    access.checkOut(side);
                }
                return;
            }
            if (!held) {
                side.requireUnclaimed();
            }
            if (received) {
                receiving.close(packet);
            } else {
                sending.abandon(packet);
            }
        } finally {
            SessionAccess.leave(side, held);
        }
    }

    @Override
    public Receiver claimReceiver() {
        access.claim(claims.receive, ReceiveSide.RECEIVE);
        return new WindowsReceiver(this);
    }

    @Override
    public Sender claimSender() {
        access.claim(claims.send, SendSide.SEND);
        return new WindowsSender(this);
    }

    /** Refuses new calls and wakes the waiting ones; ends the session unless another thread holds a side. */
    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        kernel32.SetEvent(closeEvent);
        guard.awaitQuiescent(); // the waiters left (they take the locks inside the guard: not under them)
        access.closed();
    }

    /** Frees the rings: once, when closed and no claimant may call the DLL any more. */
    private void end() {
        claims.receive.lock.lock(); // no locked ring call is in flight, and every later one sees the guard closed
        claims.send.lock.lock();
        try {
            memory.close();
            wintun.WintunEndSession(handle);
            kernel32.CloseHandle(closeEvent);
        } finally {
            claims.send.lock.unlock();
            claims.receive.lock.unlock();
        }
        adapter.forget(this);
    }

    @Override
    public String toString() {
        return "Session[capacity=0x" + Integer.toHexString(capacity) + (isLive() ? "" : ", closed") + ']';
    }
}
