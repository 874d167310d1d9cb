// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.LogSink;
import io.github.wintun4j.windows.sys.Utf16;
import io.github.wintun4j.windows.sys.WindowsBinder.OpenedLibrary;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;

import static io.github.wintun4j.ffm.FfmDowncalls.address;
import static io.github.wintun4j.ffm.FfmDowncalls.downcall;
import static io.github.wintun4j.ffm.FfmDowncalls.segment;
import static io.github.wintun4j.ffm.FfmDowncalls.unexpected;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_CHAR_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The 14 functions of wintun.h through {@code java.lang.foreign}, resolved in one loaded library, the
 * failing ones capturing the last error ({@link FfmLastError}), the four per-packet ones bound for speed in
 * {@link FfmPacketCalls}; and the logger callback, one upcall stub
 * for the life of the JVM (the DLL may still be calling an old logger when a new one is set, so a stub
 * is never freed). Thread-safe.
 */
final class FfmWintun implements WintunLibrary {

    private static final FunctionDescriptor LOGGER = FunctionDescriptor.ofVoid(JAVA_INT, JAVA_LONG, ADDRESS);

    private final MethodHandle createAdapter;
    private final MethodHandle openAdapter;
    private final MethodHandle closeAdapter;
    private final MethodHandle deleteDriver;
    private final MethodHandle getAdapterLuid;
    private final MethodHandle getRunningDriverVersion;
    private final MethodHandle setLogger;
    private final MethodHandle startSession;
    private final MethodHandle endSession;
    private final MethodHandle getReadWaitEvent;
    /** The per-packet functions, bound for speed. */
    private final FfmPacketCalls packetCalls;
    private final LogSink sink;
    private final MemorySegment loggerStub;

    FfmWintun(OpenedLibrary library, LogSink sink) {
        this.sink = sink;
        createAdapter = downcall(library, "WintunCreateAdapter", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS), true);
        openAdapter = downcall(library, "WintunOpenAdapter", FunctionDescriptor.of(ADDRESS, ADDRESS), true);
        closeAdapter = downcall(library, "WintunCloseAdapter", FunctionDescriptor.ofVoid(ADDRESS), false);
        deleteDriver = downcall(library, "WintunDeleteDriver", FunctionDescriptor.of(JAVA_INT), true);
        getAdapterLuid = downcall(library, "WintunGetAdapterLUID", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS), false);
        getRunningDriverVersion = downcall(library, "WintunGetRunningDriverVersion", FunctionDescriptor.of(JAVA_INT), true);
        setLogger = downcall(library, "WintunSetLogger", FunctionDescriptor.ofVoid(ADDRESS), false);
        startSession = downcall(library, "WintunStartSession", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT), true);
        endSession = downcall(library, "WintunEndSession", FunctionDescriptor.ofVoid(ADDRESS), false);
        // Critical (see FfmPacketCalls): it only reads the session's event handle, never blocks, never logs.
        getReadWaitEvent = downcall(library, "WintunGetReadWaitEvent", FunctionDescriptor.of(ADDRESS, ADDRESS),
                Linker.Option.critical(false));
        packetCalls = new FfmPacketCalls(library);
        try {
            MethodHandle target = MethodHandles.lookup().findVirtual(FfmWintun.class, "log",
                    MethodType.methodType(void.class, int.class, long.class, MemorySegment.class)).bindTo(this);
            loggerStub = FfmDowncalls.linker().upcallStub(target, LOGGER, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code VOID CALLBACK Logger(WINTUN_LOGGER_LEVEL Level, DWORD64 Timestamp, LPCWSTR Message)}: never throws. */
    private void log(int level, long timestamp, MemorySegment message) {
        try {
            sink.log(level, timestamp, message.equals(MemorySegment.NULL) ? "" : wideString(message));
        } catch (Throwable dropped) {
            // An exception escaping an upcall would end the JVM.
        }
    }

    /**
     * The zero-terminated UTF-16 text at {@code message}, whole: the DLL's error lines have no length limit
     * ({@code LoggerError} in WireGuard/wintun {@code api/logger.c}).
     */
    private static String wideString(MemorySegment message) {
        MemorySegment text = message.reinterpret(Long.MAX_VALUE);
        long units = 0;
        while (text.get(JAVA_CHAR_UNALIGNED, 2 * units) != 0) {
            units++;
        }
        return Utf16.decode(text.asSlice(0, 2 * units).asByteBuffer(), 0, (int) units);
    }

    @Override
    public long WintunCreateAdapter(ByteBuffer name, ByteBuffer tunnelType, ByteBuffer requestedGuidOrNull) {
        try {
            return ((MemorySegment) createAdapter.invokeExact(FfmLastError.state(), segment(name), segment(tunnelType),
                    segment(requestedGuidOrNull))).address();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunCreateAdapter", t);
        }
    }

    @Override
    public long WintunOpenAdapter(ByteBuffer name) {
        try {
            return ((MemorySegment) openAdapter.invokeExact(FfmLastError.state(), segment(name))).address();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunOpenAdapter", t);
        }
    }

    @Override
    public void WintunCloseAdapter(long adapter) {
        try {
            closeAdapter.invokeExact(address(adapter));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunCloseAdapter", t);
        }
    }

    @Override
    public boolean WintunDeleteDriver() {
        try {
            return (int) deleteDriver.invokeExact(FfmLastError.state()) != 0;
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunDeleteDriver", t);
        }
    }

    @Override
    public void WintunGetAdapterLUID(long adapter, ByteBuffer luid) {
        try {
            getAdapterLuid.invokeExact(address(adapter), segment(luid));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunGetAdapterLUID", t);
        }
    }

    @Override
    public int WintunGetRunningDriverVersion() {
        try {
            return (int) getRunningDriverVersion.invokeExact(FfmLastError.state());
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunGetRunningDriverVersion", t);
        }
    }

    @Override
    public void WintunSetLogger(boolean installed) {
        try {
            MemorySegment callback = installed ? loggerStub : MemorySegment.NULL;
            setLogger.invokeExact(callback);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunSetLogger", t);
        }
    }

    @Override
    public long WintunStartSession(long adapter, int capacity) {
        try {
            return ((MemorySegment) startSession.invokeExact(FfmLastError.state(), address(adapter), capacity)).address();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunStartSession", t);
        }
    }

    @Override
    public void WintunEndSession(long session) {
        try {
            endSession.invokeExact(address(session));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunEndSession", t);
        }
    }

    @Override
    public long WintunGetReadWaitEvent(long session) {
        try {
            return ((MemorySegment) getReadWaitEvent.invokeExact(address(session))).address();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WintunGetReadWaitEvent", t);
        }
    }

    @Override
    public long WintunReceivePacket(long session, long packetSize) {
        return packetCalls.WintunReceivePacket(session, packetSize);
    }

    @Override
    public void WintunReleaseReceivePacket(long session, long packet) {
        packetCalls.WintunReleaseReceivePacket(session, packet);
    }

    @Override
    public long WintunAllocateSendPacket(long session, int packetSize) {
        return packetCalls.WintunAllocateSendPacket(session, packetSize);
    }

    @Override
    public int WintunAllocateSendPacketError(long session, int packetSize) {
        return packetCalls.WintunAllocateSendPacketError(session, packetSize);
    }

    @Override
    public void WintunSendPacket(long session, long packet) {
        packetCalls.WintunSendPacket(session, packet);
    }

    @Override
    public int lastError() {
        return FfmLastError.get();
    }
}
