// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;

/**
 * The receive side of a {@link WindowsSession}: {@code WintunReceivePacket} and
 * {@code WintunReleaseReceivePacket}, the packets received ahead, and the in-place receive.
 *
 * <p>Receiving ahead: Wintun has no "peek", so {@code awaitReadable} and {@code isOpen()} receive a
 * packet ahead when there is one and hand it out first later; that is also how they learn that the
 * adapter went away ({@code ERROR_HANDLE_EOF}, which then wins over such packets).
 *
 * <p>Threading: every method runs "on the receive side": under the session's receive lock, or on
 * the thread that claimed the receive side (claiming takes the lock, so the two never overlap),
 * after the caller checked that the session is not closed. The DLL serialises its own calls
 * ({@code api/session.c} takes {@code Session->Send.Lock} in both functions); this class keeps the
 * Java state ({@link #packetSize}, {@link #ahead}, the memory's receive state) to one thread at a
 * time.
 */
final class ReceiveSide {

    static final String RECEIVE = "WintunReceivePacket";
    static final String RELEASE = "WintunReleaseReceivePacket";

    private final WindowsSession session;
    private final WintunLibrary wintun;
    private final long handle;
    private final PacketMemory memory;
    /** {@code DWORD *PacketSize} of {@code WintunReceivePacket}, and its address. */
    private final ByteBuffer packetSize = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    private final long packetSizeAddress;
    /** Packets received ahead by {@code awaitReadable} or {@code isOpen()}, handed out first. */
    private final ArrayDeque<WindowsPacket> ahead = new ArrayDeque<>();

    ReceiveSide(WindowsSession session, BoundDll dll, long handle, PacketMemory memory) {
        this.session = session;
        this.wintun = dll.wintun;
        this.handle = handle;
        this.memory = memory;
        this.packetSizeAddress = dll.memory.addressOf(packetSize);
    }

    /**
     * The next packet, those received ahead first; {@code null} when the ring is empty. The packet of
     * the common path (nothing received ahead) is made here and reaches no field or collection, so that
     * C2 can scalar-replace it; a packet received ahead is made in {@link #receiveAhead()}.
     */
    WindowsPacket next() {
        if (session.terminated) {
            throw WindowsErrors.endOfFile(RECEIVE, "the adapter is terminating");
        }
        if (ahead.isEmpty()) {
            long address = receiveFromRing();
            return address == 0 ? null : receivedPacket(address);
        }
        try {
            receiveAhead();
        } catch (WintunException e) {
            if (session.terminated) {
                throw e;
            }
            // a corrupt record lies behind the packets received ahead: those first
        }
        return ahead.poll();
    }

    /** Receives one packet ahead, if there is one; errors as {@link #receiveFromRing()}. */
    void receiveAhead() {
        if (!session.terminated) {
            long address = receiveFromRing();
            if (address != 0) {
                ahead.add(receivedPacket(address));
            }
        }
    }

    /** As {@link #receiveAhead()}; an error only sets {@code terminated} when it was the end. */
    void receiveAheadQuietly() {
        try {
            receiveAhead();
        } catch (WintunException corruptOrEnded) {
            // terminated is set when it was the end
        }
    }

    /** @return whether a receive would not report an empty ring; receives ahead to know */
    boolean readableNow() {
        try {
            if (session.terminated || !ahead.isEmpty()) {
                return true;
            }
            receiveAhead();
            return !ahead.isEmpty();
        } catch (WintunException endedOrCorrupt) {
            return true;
        }
    }

    private WindowsPacket receivedPacket(long address) {
        WindowsPacket packet = new WindowsPacket(session, address, packetSize.getInt(0), true);
        memory.received(packet);
        return packet;
    }

    /**
     * {@code WintunReceivePacket} once (dropping records of impossible sizes). It never waits:
     * {@code api/session.c} answers {@code ERROR_NO_MORE_ITEMS} at once on an empty ring, so how to
     * wait is the caller's choice ({@link ReadWait}).
     *
     * @return the packet's address, its size in {@link #packetSize}; 0 when the ring is empty
     */
    private long receiveFromRing() {
        while (true) {
            long address = wintun.WintunReceivePacket(handle, packetSizeAddress);
            if (address == 0) {
                return receiveFailed();
            }
            int size = packetSize.getInt(0);
            if (size >= 1 && size <= WintunConstants.MAX_IP_PACKET_SIZE) {
                return address;
            }
            // A DLL that hands out an impossible size is not trusted with it: drop the record,
            // keeping a copying memory in step with the ring.
            memory.skipped(size);
            wintun.WintunReleaseReceivePacket(handle, address);
        }
    }

    /** Out of line, so that {@link #receiveFromRing()} stays small: 0 for an empty ring, else throws. */
    private long receiveFailed() {
        int error = wintun.lastError();
        switch (error) {
            case WintunErrors.ERROR_NO_MORE_ITEMS:
                return 0;
            case WintunErrors.ERROR_HANDLE_EOF:
                session.terminated = true;
                ahead.clear();
                throw WindowsErrors.endOfFile(RECEIVE, "the adapter is terminating");
            case WintunErrors.ERROR_INVALID_DATA:
                throw WindowsErrors.of(RECEIVE, error, "the receive ring is corrupt");
            default:
                throw WindowsErrors.of(RECEIVE, error, "receiving a packet");
        }
    }

    /** Releases a packet its caller hands back. */
    void release(WindowsPacket own) {
        if (!own.finish()) {
            throw new IllegalStateException("packet was already released");
        }
        wintun.WintunReleaseReceivePacket(handle, own.address);
    }

    /** Releases a packet its user closed; nothing when it was released already. */
    void close(WindowsPacket packet) {
        if (packet.finish()) {
            wintun.WintunReleaseReceivePacket(handle, packet.address);
        }
    }

    /**
     * The in-place receive: {@code WintunReceivePacket}, a view of the packet's memory to the handler,
     * {@code WintunReleaseReceivePacket} when it returns or throws; no packet object (but for packets
     * received ahead, which exist already). An error after the first packet ends the call and repeats
     * at the next ({@code WintunReceivePacket} leaves the ring as it was). The call also ends when the
     * session was closed during a handler (the packet is then not released: the rings are being freed)
     * or when a handler closed the claimant's receiver (whose give-back waits until this call returns,
     * so the claim still keeps the session from ending meanwhile).
     *
     * @param claimant the caller's receiver; {@code null} on the locked way (the caller holds the lock)
     */
    int receiveEach(PacketHandler handler, int max, WindowsReceiver claimant) {
        int count = 0;
        while (count < max && mayGoOn(count, claimant)) {
            if (!ahead.isEmpty()) {
                WindowsPacket packet = ahead.poll();
                try {
                    handler.handle(memory.view(packet));
                } finally {
                    if (!session.guard.isClosed()) {
                        close(packet);
                    }
                }
            } else {
                long address = nextAddress(count);
                if (address == 0) {
                    break;
                }
                try {
                    handler.handle(memory.receivedView(address, packetSize.getInt(0)));
                } finally {
                    if (!session.guard.isClosed()) {
                        wintun.WintunReleaseReceivePacket(handle, address);
                    }
                }
            }
            count++;
        }
        return count;
    }

    private boolean mayGoOn(int count, WindowsReceiver claimant) {
        return count == 0 || !session.guard.isClosed() && (claimant == null || !claimant.closedInACall());
    }

    /** @return the next packet's address; 0 when empty, or after the first packet when the ring failed */
    private long nextAddress(int count) {
        if (count == 0) {
            if (session.terminated) {
                throw WindowsErrors.endOfFile(RECEIVE, "the adapter is terminating");
            }
            return receiveFromRing();
        }
        try {
            return session.terminated ? 0 : receiveFromRing();
        } catch (WintunException reportedByTheNextCall) {
            return 0;
        }
    }
}
