// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.windows.sys.NativeMemory;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.nio.ByteBuffer;

/**
 * The send side of a {@link WindowsSession}: {@code WintunAllocateSendPacket} and
 * {@code WintunSendPacket}, with packet objects or as one copy send, and the end probe.
 *
 * <p>{@code WintunSendPacket} cannot fail, so only an allocation tells whether the adapter went away:
 * after each send, an allocation of the whole capacity (which never fits) fails with
 * {@code ERROR_HANDLE_EOF} on an ended ring and {@code ERROR_BUFFER_OVERFLOW} otherwise, without
 * allocating anything ({@code api/session.c}: {@code WintunAllocateSendPacket} checks the end of the
 * ring before the free space).
 *
 * <p>Threading: every method runs "on the send side": under the session's send lock, or on the thread
 * that claimed the send side, after the caller checked that the session is not closed.
 */
final class SendSide {

    static final String ALLOCATE = "WintunAllocateSendPacket";
    static final String SEND = "WintunSendPacket";

    private final WindowsSession session;
    private final WintunLibrary wintun;
    private final NativeMemory nativeMemory;
    private final long handle;
    private final int capacity;
    private final PacketMemory memory;

    SendSide(WindowsSession session, BoundDll dll, long handle, int capacity, PacketMemory memory) {
        this.session = session;
        this.wintun = dll.wintun;
        this.nativeMemory = dll.memory;
        this.handle = handle;
        this.capacity = capacity;
        this.memory = memory;
    }

    /** The packet reaches no field or collection (a copying memory's is not scalar-replaced anyway). */
    WindowsPacket allocate(int size) {
        long address = allocateInRing(size);
        if (address == 0) {
            return null;
        }
        WindowsPacket packet = new WindowsPacket(session, address, size, false);
        memory.allocated(packet);
        return packet;
    }

    /** @return the address of a new packet of {@code size} bytes; 0 when the ring is full */
    private long allocateInRing(int size) {
        if (session.terminated) {
            throw WindowsErrors.endOfFile(ALLOCATE, "the adapter is terminating");
        }
        long address = wintun.WintunAllocateSendPacket(handle, size);
        if (address == 0) {
            allocationFailed(size);
        }
        return address;
    }

    /** Out of line (keeps the allocation small enough to inline): returns when the ring is full, throws otherwise. */
    private void allocationFailed(int size) {
        int error = wintun.lastError();
        if (error == WintunErrors.ERROR_BUFFER_OVERFLOW) {
            return;
        }
        if (error == WintunErrors.ERROR_HANDLE_EOF) {
            session.terminated = true;
            throw WindowsErrors.endOfFile(ALLOCATE, "the adapter is terminating");
        }
        throw WindowsErrors.of(ALLOCATE, error, "allocating a packet of " + size + " bytes");
    }

    /** {@code WintunSendPacket} of an allocated packet, then the end probe. */
    void send(WindowsPacket own) {
        if (!own.finish()) {
            throw alreadyDone(own);
        }
        memory.beforeSend(own);
        wintun.WintunSendPacket(handle, own.address);
        probeEnd();
    }

    /**
     * The copy send, without a packet object: {@code WintunAllocateSendPacket}, a copy of the bytes
     * from {@code packet}'s position to its limit straight into the ring, {@code WintunSendPacket}.
     * The caller checked the size (1..0xFFFF).
     *
     * @return {@code false} when the ring is full
     */
    boolean sendCopy(ByteBuffer packet) {
        int size = packet.remaining();
        long address = allocateInRing(size);
        if (address == 0) {
            return false;
        }
        try {
            nativeMemory.copyFromBuffer(packet, address);
        } catch (RuntimeException e) {
            nativeMemory.zero(address, size); // sent all the same, as non-IP, so it holds nothing back
            wintun.WintunSendPacket(handle, address);
            throw e;
        }
        wintun.WintunSendPacket(handle, address);
        probeEnd();
        return true;
    }

    /**
     * Discards a packet its user closed unsent: a zero version nibble makes the driver drop it as
     * non-IP, and it must still be "sent" so that the packets allocated after it are not held back
     * ({@code api/session.c}: {@code WintunSendPacket} moves Tail only over the sent prefix).
     */
    void abandon(WindowsPacket packet) {
        if (packet.abandon()) {
            nativeMemory.zero(packet.address, packet.size());
            wintun.WintunSendPacket(handle, packet.address);
        }
    }

    private static IllegalStateException alreadyDone(WindowsPacket sent) {
        return new IllegalStateException("packet was already " + (sent.state() == WindowsPacket.ABANDONED ? "closed" : "sent"));
    }

    private void probeEnd() {
        int probe = session.terminated ? WintunErrors.ERROR_HANDLE_EOF : wintun.WintunAllocateSendPacketError(handle, capacity);
        if (probe != WintunErrors.ERROR_BUFFER_OVERFLOW) {
            probeAnswered(probe);
        }
    }

    /** Out of line: the end probe did not answer "ring full". Throws when the ring ended. */
    private void probeAnswered(int error) {
        if (error == 0) {
            throw new WintunException(ALLOCATE, WintunErrors.ERROR_GEN_FAILURE, "the DLL allocated a packet as large"
                    + " as its ring (0x" + Integer.toHexString(capacity) + " bytes): it does not follow wintun.h 0.14");
        }
        if (error == WintunErrors.ERROR_HANDLE_EOF) {
            session.terminated = true;
            throw WindowsErrors.endOfFile(SEND, "the adapter is terminating; the packet was dropped");
        }
        // another error is not an end: the packet went out
    }
}
