// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import io.github.wintun4j.jna.JnaWindowsFunctions.Wintun;
import io.github.wintun4j.windows.sys.LogSink;
import io.github.wintun4j.windows.sys.SendPacketSize;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.nio.ByteBuffer;

/**
 * {@link WintunLibrary} over the registered {@link Wintun} methods, and the logger callback: one per
 * bound library, kept reachable for the life of the JVM (the DLL may still call an old logger after a
 * new one is set). Thread-safe.
 */
final class JnaWintun implements WintunLibrary {

    private final LogSink sink;
    private final JnaWindowsFunctions.LoggerCallback callback = this::log;

    JnaWintun(LogSink sink) {
        this.sink = sink;
    }

    /** Never throws into native code. */
    private void log(int level, long timestamp, Pointer message) {
        try {
            sink.log(level, timestamp, message == null ? "" : wideString(message));
        } catch (Throwable dropped) {
            // dropped: nothing may escape into the DLL
        }
    }

    /**
     * A zero-terminated UTF-16 string (not {@code wchar_t}: 4 bytes on Linux), whole: the DLL's error lines
     * have no length limit ({@code LoggerError} in WireGuard/wintun {@code api/logger.c}).
     */
    private static String wideString(Pointer message) {
        StringBuilder text = new StringBuilder();
        for (long i = 0; ; i++) {
            char unit = message.getChar(2L * i);
            if (unit == 0) {
                break;
            }
            text.append(unit);
        }
        return text.toString();
    }

    @Override
    public long WintunCreateAdapter(ByteBuffer name, ByteBuffer tunnelType, ByteBuffer requestedGuidOrNull) {
        return Wintun.WintunCreateAdapter(name, tunnelType, requestedGuidOrNull);
    }

    @Override
    public long WintunOpenAdapter(ByteBuffer name) {
        return Wintun.WintunOpenAdapter(name);
    }

    @Override
    public void WintunCloseAdapter(long adapter) {
        Wintun.WintunCloseAdapter(adapter);
    }

    @Override
    public boolean WintunDeleteDriver() {
        return Wintun.WintunDeleteDriver() != 0;
    }

    @Override
    public void WintunGetAdapterLUID(long adapter, ByteBuffer luid) {
        Wintun.WintunGetAdapterLUID(adapter, luid);
    }

    @Override
    public int WintunGetRunningDriverVersion() {
        return Wintun.WintunGetRunningDriverVersion();
    }

    @Override
    public void WintunSetLogger(boolean installed) {
        Wintun.WintunSetLogger(installed ? callback : null);
    }

    @Override
    public long WintunStartSession(long adapter, int capacity) {
        return Wintun.WintunStartSession(adapter, capacity);
    }

    @Override
    public void WintunEndSession(long session) {
        Wintun.WintunEndSession(session);
    }

    @Override
    public long WintunGetReadWaitEvent(long session) {
        return Wintun.WintunGetReadWaitEvent(session);
    }

    @Override
    public long WintunReceivePacket(long session, long packetSize) {
        return Wintun.WintunReceivePacket(session, packetSize);
    }

    @Override
    public void WintunReleaseReceivePacket(long session, long packet) {
        Wintun.WintunReleaseReceivePacket(session, packet);
    }

    @Override
    public long WintunAllocateSendPacket(long session, int packetSize) {
        return Wintun.WintunAllocateSendPacket(session, SendPacketSize.require(packetSize));
    }

    @Override
    public void WintunSendPacket(long session, long packet) {
        Wintun.WintunSendPacket(session, packet);
    }

    @Override
    public int lastError() {
        return Native.getLastError();
    }
}
