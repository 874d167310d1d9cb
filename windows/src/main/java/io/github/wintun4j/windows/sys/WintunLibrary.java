// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;

/**
 * The 14 functions of {@code wintun.h} (0.14), raw: each as in C, failing with NULL or FALSE and the
 * reason in {@link #lastError()}. Each native backend binds this once; everything above it (handles'
 * lifetimes, the session, error mapping) lives in {@code io.github.wintun4j.windows}.
 *
 * <p>Strings are zero-terminated UTF-16LE in direct buffers ({@link Utf16}); handles and packet
 * pointers are addresses as {@code long}, 0 for NULL.
 *
 * <p>The four per-packet functions ({@code WintunReceivePacket}, {@code WintunReleaseReceivePacket},
 * {@code WintunAllocateSendPacket}, {@code WintunSendPacket}) take and return primitives only, so that a
 * binding can call them without allocating. A binding may call a failing {@code WintunReceivePacket} or
 * {@code WintunAllocateSendPacket} a second time to read the error (a failing call changes nothing in the
 * DLL, so the second call is a call like any other): the result and {@link #lastError()} are then the
 * second call's. Callers never pass a handle after freeing it
 * (a binding cannot check that). Thread-safe, as the DLL is.
 */
public interface WintunLibrary {

    /** {@code WINTUN_ADAPTER_HANDLE WintunCreateAdapter(LPCWSTR Name, LPCWSTR TunnelType, const GUID *RequestedGUID)}. */
    long WintunCreateAdapter(ByteBuffer name, ByteBuffer tunnelType, ByteBuffer requestedGuidOrNull);

    /** {@code WINTUN_ADAPTER_HANDLE WintunOpenAdapter(LPCWSTR Name)}. */
    long WintunOpenAdapter(ByteBuffer name);

    /** {@code VOID WintunCloseAdapter(WINTUN_ADAPTER_HANDLE Adapter)}. */
    void WintunCloseAdapter(long adapter);

    /** {@code BOOL WintunDeleteDriver(VOID)}. */
    boolean WintunDeleteDriver();

    /** {@code VOID WintunGetAdapterLUID(WINTUN_ADAPTER_HANDLE Adapter, NET_LUID *Luid)}: {@code luid} holds 8 bytes. */
    void WintunGetAdapterLUID(long adapter, ByteBuffer luid);

    /** {@code DWORD WintunGetRunningDriverVersion(VOID)}: 0 on failure. */
    int WintunGetRunningDriverVersion();

    /**
     * {@code VOID WintunSetLogger(WINTUN_LOGGER_CALLBACK NewLogger)}. The binding owns one callback per
     * loaded library, which forwards every message to the {@link LogSink} it was bound with.
     *
     * @param installed {@code true} to install that callback, {@code false} to pass NULL
     */
    void WintunSetLogger(boolean installed);

    /** {@code WINTUN_SESSION_HANDLE WintunStartSession(WINTUN_ADAPTER_HANDLE Adapter, DWORD Capacity)}. */
    long WintunStartSession(long adapter, int capacity);

    /** {@code VOID WintunEndSession(WINTUN_SESSION_HANDLE Session)}. */
    void WintunEndSession(long session);

    /** {@code HANDLE WintunGetReadWaitEvent(WINTUN_SESSION_HANDLE Session)}: never closed by the caller. */
    long WintunGetReadWaitEvent(long session);

    /**
     * {@code BYTE *WintunReceivePacket(WINTUN_SESSION_HANDLE Session, DWORD *PacketSize)}: {@code packetSize} is
     * the address of 4 bytes ({@link NativeMemory#addressOf}), so that the per-packet call passes no object.
     */
    long WintunReceivePacket(long session, long packetSize);

    /** {@code VOID WintunReleaseReceivePacket(WINTUN_SESSION_HANDLE Session, const BYTE *Packet)}. */
    void WintunReleaseReceivePacket(long session, long packet);

    /** {@code BYTE *WintunAllocateSendPacket(WINTUN_SESSION_HANDLE Session, DWORD PacketSize)}. */
    long WintunAllocateSendPacket(long session, int packetSize);

    /**
     * {@code WintunAllocateSendPacket} made for its error alone, with a size that never fits, to learn
     * whether the send ring ended. A binding may read the error in the same call (FFM captures it at
     * once) instead of calling {@link #lastError()} after it.
     *
     * @return {@code GetLastError} after the call ({@code ERROR_HANDLE_EOF} on an ended ring,
     *         {@code ERROR_BUFFER_OVERFLOW} on a live one); 0 when it allocated, which a DLL that follows
     *         wintun.h never does for more than the ring holds
     */
    default int WintunAllocateSendPacketError(long session, int packetSize) {
        return WintunAllocateSendPacket(session, packetSize) != 0 ? 0 : lastError();
    }

    /** {@code VOID WintunSendPacket(WINTUN_SESSION_HANDLE Session, const BYTE *Packet)}. */
    void WintunSendPacket(long session, long packet);

    /**
     * @return what {@code GetLastError} gave right after this thread's latest call of this library or
     *         of {@link Kernel32} (on Windows {@code GetLastError}; where the library is a stand-in, the
     *         channel it reports through, {@code errno})
     */
    int lastError();
}
