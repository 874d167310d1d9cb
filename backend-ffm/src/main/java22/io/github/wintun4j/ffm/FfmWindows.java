// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.IpHelper;
import io.github.wintun4j.windows.sys.Kernel32;
import io.github.wintun4j.windows.sys.LibraryLocation;
import io.github.wintun4j.windows.sys.LibraryUnavailableException;
import io.github.wintun4j.windows.sys.LogSink;
import io.github.wintun4j.windows.sys.NativeMemory;
import io.github.wintun4j.windows.sys.WindowsBinder;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * The Windows binding on {@code java.lang.foreign}: libraries opened with {@link SymbolLookup#libraryLookup}
 * (by absolute path, or a system library by name) for the life of the JVM, and the raw interfaces bound
 * on them. Everything else is in {@code io.github.wintun4j.windows}. Thread-safe.
 */
final class FfmWindows implements WindowsBinder {

    /** One opened library. */
    record Library(LibraryLocation location, SymbolLookup lookup) implements OpenedLibrary {
        @Override
        public boolean hasFunction(String name) {
            return lookup.find(name).isPresent();
        }
    }

    @Override
    public OpenedLibrary open(LibraryLocation location) throws LibraryUnavailableException {
        try {
            SymbolLookup lookup = location.file() != null ? SymbolLookup.libraryLookup(location.file(), Arena.global())
                    : SymbolLookup.libraryLookup(location.systemName(), Arena.global());
            return new Library(location, lookup);
        } catch (IllegalArgumentException e) {
            throw new LibraryUnavailableException("cannot open " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Kernel32 kernel32(OpenedLibrary library) {
        return new FfmKernel32(library);
    }

    @Override
    public IpHelper ipHelper(OpenedLibrary library) {
        return new FfmIpHelper(library);
    }

    @Override
    public WintunLibrary wintun(OpenedLibrary library, LogSink sink) {
        return new FfmWintun(library, sink);
    }

    @Override
    public NativeMemory memory() {
        return FfmMemory.INSTANCE;
    }
}
