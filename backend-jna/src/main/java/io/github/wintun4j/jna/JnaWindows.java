// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import io.github.wintun4j.windows.sys.IpHelper;
import io.github.wintun4j.windows.sys.Kernel32;
import io.github.wintun4j.windows.sys.LibraryLocation;
import io.github.wintun4j.windows.sys.LibraryUnavailableException;
import io.github.wintun4j.windows.sys.LogSink;
import io.github.wintun4j.windows.sys.NativeMemory;
import io.github.wintun4j.windows.sys.WindowsBinder;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * The Windows binding on JNA: libraries opened with {@link NativeLibrary#getInstance} (on Windows they
 * were loaded with the safe search flags just before, so JNA finds them loaded; elsewhere the stand-in
 * is opened with {@code RTLD_NOW}), and the raw interfaces over {@link JnaWindowsFunctions}.
 * Everything else is in {@code io.github.wintun4j.windows}. Thread-safe.
 */
final class JnaWindows implements WindowsBinder {

    /** dlfcn.h: {@code RTLD_NOW}, so that a stand-in with an unresolved symbol fails to open. */
    private static final int RTLD_NOW = 2;

    /** One opened library. */
    record Opened(LibraryLocation location, NativeLibrary library) implements OpenedLibrary {
        @Override
        public boolean hasFunction(String name) {
            try {
                library.getFunction(name);
                return true;
            } catch (UnsatisfiedLinkError e) {
                return false;
            }
        }
    }

    @Override
    public OpenedLibrary open(LibraryLocation location) throws LibraryUnavailableException {
        try {
            Map<String, Object> options = Platform.isWindows() ? Map.of() : Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW);
            String name = location.file() != null ? location.file().toString() : location.systemName();
            return new Opened(location, NativeLibrary.getInstance(name, options));
        } catch (UnsatisfiedLinkError e) {
            throw new LibraryUnavailableException("JNA cannot open " + location + ": " + e.getMessage(), e);
        }
    }

    private static void register(Class<?> functions, OpenedLibrary library) {
        String other = JnaWindowsFunctions.register(functions, ((Opened) library).library());
        if (other != null) {
            throw new IllegalStateException("the JNA backend binds one " + functions.getSimpleName()
                    + " library per JVM and has bound " + other + " already, not " + library.location());
        }
    }

    @Override
    public Kernel32 kernel32(OpenedLibrary library) {
        register(JnaWindowsFunctions.Kernel32.class, library);
        return new JnaKernel32();
    }

    @Override
    public IpHelper ipHelper(OpenedLibrary library) {
        register(JnaWindowsFunctions.IpHelper.class, library);
        return new JnaIpHelper();
    }

    @Override
    public WintunLibrary wintun(OpenedLibrary library, LogSink sink) throws LibraryUnavailableException {
        try {
            register(JnaWindowsFunctions.Wintun.class, library);
        } catch (IllegalStateException e) {
            throw new LibraryUnavailableException(e.getMessage(), e);
        }
        return new JnaWintun(sink);
    }

    @Override
    public NativeMemory memory() {
        return Memory.INSTANCE;
    }

    /**
     * The DLL's packet memory through JNA. A {@code ByteBuffer} over native memory cannot be revoked on
     * Java 17, so there are no views: the Windows support copies packets into memory Java owns.
     */
    private static final class Memory implements NativeMemory {
        static final Memory INSTANCE = new Memory();

        @Override
        public void copyToBuffer(long address, ByteBuffer target) {
            target.duplicate().put(new Pointer(address).getByteBuffer(0, target.remaining()));
        }

        @Override
        public void copyFromBuffer(ByteBuffer source, long address) {
            new Pointer(address).getByteBuffer(0, source.remaining()).put(source.duplicate());
        }

        @Override
        public long addressOf(ByteBuffer direct) {
            return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
        }

        @Override
        public void zero(long address, int size) {
            new Pointer(address).setMemory(0, size, (byte) 0);
        }

        @Override
        public Optional<ViewScope> openViewScope() {
            return Optional.empty();
        }
    }
}
