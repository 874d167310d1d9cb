// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;

/**
 * The native methods of the Windows binding, JNA direct mapping with the C names verbatim: one class
 * per library, registered once per JVM with the library the first binding opened ({@link #register}).
 * Handles and packet pointers are {@code long} (x64 and ARM64 pass a pointer and a 64-bit integer the
 * same way); {@code NET_LUID} is written to an 8-byte buffer; strings and structures are direct buffers.
 * Failures are read with {@link Native#getLastError()} (GetLastError on Windows, errno elsewhere), not
 * with {@code LastErrorException}, which would also fire after a success that left a stale code.
 */
final class JnaWindowsFunctions {

    private JnaWindowsFunctions() {
    }

    /** {@code WINTUN_LOGGER_CALLBACK}. */
    interface LoggerCallback extends Callback {
        void invoke(int level, long timestamp, Pointer message);
    }

    /** wintun.h. */
    static final class Wintun {
        static native long WintunCreateAdapter(ByteBuffer name, ByteBuffer tunnelType, ByteBuffer requestedGuid);

        static native long WintunOpenAdapter(ByteBuffer name);

        static native void WintunCloseAdapter(long adapter);

        static native int WintunDeleteDriver();

        static native void WintunGetAdapterLUID(long adapter, ByteBuffer luid);

        static native int WintunGetRunningDriverVersion();

        static native void WintunSetLogger(LoggerCallback newLogger);

        static native long WintunStartSession(long adapter, int capacity);

        static native void WintunEndSession(long session);

        static native long WintunGetReadWaitEvent(long session);

        static native long WintunReceivePacket(long session, long packetSize);

        static native void WintunReleaseReceivePacket(long session, long packet);

        static native long WintunAllocateSendPacket(long session, int packetSize);

        static native void WintunSendPacket(long session, long packet);
    }

    /** kernel32. */
    static final class Kernel32 {
        static native long CreateEventW(Pointer attributes, int manualReset, int initialState, Pointer name);

        static native int SetEvent(long event);

        static native int CloseHandle(long handle);

        static native int WaitForSingleObject(long handle, int milliseconds);

        static native int WaitForMultipleObjects(int count, ByteBuffer handles, int waitAll, int milliseconds);

        static native long LoadLibraryExW(ByteBuffer fileName, Pointer file, int flags);
    }

    /** iphlpapi. */
    static final class IpHelper {
        static native void InitializeUnicastIpAddressEntry(ByteBuffer row);

        static native int CreateUnicastIpAddressEntry(ByteBuffer row);

        static native int DeleteUnicastIpAddressEntry(ByteBuffer row);

        static native void InitializeIpInterfaceEntry(ByteBuffer row);

        static native int GetIpInterfaceEntry(ByteBuffer row);

        static native int SetIpInterfaceEntry(ByteBuffer row);

        static native int GetIfEntry2(ByteBuffer row);
    }

    /**
     * Registers {@code functions} with {@code library} the first time; later, the same library is fine
     * and another one is refused (direct mapping binds a class once per JVM).
     *
     * @return {@code null} when registered or already registered with this library, else the library it has
     */
    static synchronized String register(Class<?> functions, NativeLibrary library) {
        String current = REGISTERED.get(functions);
        if (current == null) {
            Native.register(functions, library);
            REGISTERED.put(functions, library.getFile() != null ? library.getFile().getPath() : library.getName());
            return null;
        }
        String wanted = library.getFile() != null ? library.getFile().getPath() : library.getName();
        return current.equals(wanted) ? null : current;
    }

    private static final java.util.Map<Class<?>, String> REGISTERED = new java.util.HashMap<>();
}
