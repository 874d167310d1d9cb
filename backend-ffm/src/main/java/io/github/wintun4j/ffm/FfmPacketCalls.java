package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.WindowsBinder.OpenedLibrary;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static io.github.wintun4j.ffm.FfmDowncalls.downcall;
import static io.github.wintun4j.ffm.FfmDowncalls.unexpected;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The four per-packet functions of wintun.h, bound so that a call costs little more than the call
 * itself; the other ten are in {@link FfmWintun}.
 *
 * <ul>
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
 *       error code are the ones reported. A success thus pays no capture and no thread-local lookup.</li>
 * </ul>
 * Thread-safe.
 */
final class FfmPacketCalls {

    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    private final MethodHandle receivePacket;
    private final MethodHandle receivePacketCapturing;
    private final MethodHandle releaseReceivePacket;
    private final MethodHandle allocateSendPacket;
    private final MethodHandle allocateSendPacketCapturing;
    private final MethodHandle sendPacket;

    FfmPacketCalls(OpenedLibrary library) {
        FunctionDescriptor receive = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG);
        FunctionDescriptor allocate = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT);
        FunctionDescriptor releaseOrSend = FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG);
        receivePacket = downcall(library, "WintunReceivePacket", receive, CRITICAL);
        receivePacketCapturing = downcall(library, "WintunReceivePacket", receive, CRITICAL, FfmLastError.CAPTURE);
        releaseReceivePacket = downcall(library, "WintunReleaseReceivePacket", releaseOrSend, CRITICAL);
        allocateSendPacket = downcall(library, "WintunAllocateSendPacket", allocate, CRITICAL);
        allocateSendPacketCapturing = downcall(library, "WintunAllocateSendPacket", allocate, CRITICAL,
                FfmLastError.CAPTURE);
        sendPacket = downcall(library, "WintunSendPacket", releaseOrSend, CRITICAL);
    }

    long WintunReceivePacket(long session, long packetSize) {
        try {
            long packet = (long) receivePacket.invokeExact(session, packetSize);
            return packet != 0 ? packet
                    : (long) receivePacketCapturing.invokeExact(FfmLastError.state(), session, packetSize);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunReceivePacket", t);
        }
    }

    void WintunReleaseReceivePacket(long session, long packet) {
        try {
            releaseReceivePacket.invokeExact(session, packet);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunReleaseReceivePacket", t);
        }
    }

    long WintunAllocateSendPacket(long session, int packetSize) {
        try {
            long packet = (long) allocateSendPacket.invokeExact(session, packetSize);
            return packet != 0 ? packet
                    : (long) allocateSendPacketCapturing.invokeExact(FfmLastError.state(), session, packetSize);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunAllocateSendPacket", t);
        }
    }

    void WintunSendPacket(long session, long packet) {
        try {
            sendPacket.invokeExact(session, packet);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunSendPacket", t);
        }
    }
}
