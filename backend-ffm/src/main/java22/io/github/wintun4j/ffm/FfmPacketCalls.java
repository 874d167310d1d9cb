// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.SendPacketSize;
import io.github.wintun4j.windows.sys.WindowsBinder.OpenedLibrary;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static io.github.wintun4j.ffm.FfmDowncalls.symbol;
import static io.github.wintun4j.ffm.FfmDowncalls.unexpected;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The four per-packet functions of wintun.h, bound so that a call costs little more than the call
 * itself; the other ten are in {@link FfmWintun}.
 *
 * <ul>
 *   <li>Constant handles: the downcall handles are {@code static final} and unbound (the function's
 *       address is their first argument, a segment made once per loaded library), so that C2 sees a
 *       constant handle and inlines the downcall down to the native call. A handle bound to one
 *       library's address would have to live in an instance field, which C2 does not treat as a
 *       constant: every call would then go through a generic method-handle invoker.</li>
 *   <li>Critical ({@link Linker.Option#critical critical(false)}): the JVM skips the thread-state
 *       transitions of a downcall. That is safe for a function that returns quickly in every case, never
 *       blocks and never calls back into Java; a thread in such a call holds back a safepoint (a GC) until
 *       it returns. All four qualify: each takes the session's short lock inside the DLL, moves ring
 *       indexes and returns; {@code WintunSendPacket} may also signal the driver's event (SetEvent, which
 *       does not wait). None of them logs, so the logger upcall is never reached from them. (The functions
 *       that log or wait, such as {@code WintunStartSession} and {@code WaitForMultipleObjects}, are not
 *       critical.) No heap memory is passed, hence {@code false}.</li>
 *   <li>Pointers as {@code JAVA_LONG}: session handles, packet pointers and the {@code DWORD *} are
 *       passed and returned as 64-bit integers, which the x64 and ARM64 calling conventions (Windows and
 *       System V alike) pass exactly as pointers; so no {@code MemorySegment} is made per call.</li>
 *   <li>The last error only on failure: the fast handles capture nothing. When {@code WintunReceivePacket}
 *       or {@code WintunAllocateSendPacket} returns NULL, the call is made again through a handle that
 *       captures {@code GetLastError} ({@link FfmLastError}): a failing call changes nothing in the DLL, so
 *       the second call is an ordinary call whose result (a packet, should one have arrived meanwhile) and
 *       error code are the ones reported. A success thus pays no capture and no thread-local lookup. A call
 *       made for its error alone ({@link #WintunAllocateSendPacketError}) captures at once.</li>
 * </ul>
 * Thread-safe.
 */
final class FfmPacketCalls {

    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    /** {@code BYTE *WintunReceivePacket(WINTUN_SESSION_HANDLE, DWORD *)}. */
    private static final FunctionDescriptor RECEIVE = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG);
    /** {@code BYTE *WintunAllocateSendPacket(WINTUN_SESSION_HANDLE, DWORD)}. */
    private static final FunctionDescriptor ALLOCATE = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT);
    /** {@code VOID WintunReleaseReceivePacket} and {@code VOID WintunSendPacket}{@code (WINTUN_SESSION_HANDLE, const BYTE *)}. */
    private static final FunctionDescriptor RELEASE_OR_SEND = FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG);

    // (MemorySegment function, args...), and with the call state second when capturing.
    private static final MethodHandle RECEIVE_CALL = unbound(RECEIVE, CRITICAL);
    private static final MethodHandle RECEIVE_CALL_CAPTURING = unbound(RECEIVE, CRITICAL, FfmLastError.CAPTURE);
    private static final MethodHandle ALLOCATE_CALL = unbound(ALLOCATE, CRITICAL);
    private static final MethodHandle ALLOCATE_CALL_CAPTURING = unbound(ALLOCATE, CRITICAL, FfmLastError.CAPTURE);
    private static final MethodHandle RELEASE_OR_SEND_CALL = unbound(RELEASE_OR_SEND, CRITICAL);

    private final MemorySegment receivePacket;
    private final MemorySegment releaseReceivePacket;
    private final MemorySegment allocateSendPacket;
    private final MemorySegment sendPacket;

    FfmPacketCalls(OpenedLibrary library) {
        receivePacket = symbol(library, "WintunReceivePacket");
        releaseReceivePacket = symbol(library, "WintunReleaseReceivePacket");
        allocateSendPacket = symbol(library, "WintunAllocateSendPacket");
        sendPacket = symbol(library, "WintunSendPacket");
    }

    private static MethodHandle unbound(FunctionDescriptor descriptor, Linker.Option... options) {
        return FfmDowncalls.linker().downcallHandle(descriptor, options);
    }

    long WintunReceivePacket(long session, long packetSize) {
        try {
            long packet = (long) RECEIVE_CALL.invokeExact(receivePacket, session, packetSize);
            return packet != 0 ? packet
                    : (long) RECEIVE_CALL_CAPTURING.invokeExact(receivePacket, FfmLastError.state(), session, packetSize);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunReceivePacket", t);
        }
    }

    void WintunReleaseReceivePacket(long session, long packet) {
        try {
            RELEASE_OR_SEND_CALL.invokeExact(releaseReceivePacket, session, packet);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunReleaseReceivePacket", t);
        }
    }

    /** @throws IllegalArgumentException for a size whose aligned size the DLL would wrap ({@link SendPacketSize}) */
    long WintunAllocateSendPacket(long session, int packetSize) {
        SendPacketSize.require(packetSize);
        try {
            long packet = (long) ALLOCATE_CALL.invokeExact(allocateSendPacket, session, packetSize);
            return packet != 0 ? packet
                    : (long) ALLOCATE_CALL_CAPTURING.invokeExact(allocateSendPacket, FfmLastError.state(), session,
                    packetSize);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunAllocateSendPacket", t);
        }
    }

    /** @return the last error of one capturing {@code WintunAllocateSendPacket}; 0 when it allocated */
    int WintunAllocateSendPacketError(long session, int packetSize) {
        SendPacketSize.require(packetSize);
        try {
            MemorySegment state = FfmLastError.state();
            long packet = (long) ALLOCATE_CALL_CAPTURING.invokeExact(allocateSendPacket, state, session, packetSize);
            return packet != 0 ? 0 : FfmLastError.get(state);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunAllocateSendPacket", t);
        }
    }

    void WintunSendPacket(long session, long packet) {
        try {
            RELEASE_OR_SEND_CALL.invokeExact(sendPacket, session, packet);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunSendPacket", t);
        }
    }
}
