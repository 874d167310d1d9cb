// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.WindowsBinder.OpenedLibrary;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

/** Resolving downcalls in an opened library, and the conversions every Windows binding class uses. */
final class FfmDowncalls {

    private static final Linker LINKER = Linker.nativeLinker();

    private FfmDowncalls() {
    }

    /** @return a downcall to {@code name} of {@code library}, capturing the last error when asked */
    static MethodHandle downcall(OpenedLibrary library, String name, FunctionDescriptor descriptor, boolean lastError) {
        return lastError ? downcall(library, name, descriptor, FfmLastError.CAPTURE) : downcall(library, name, descriptor);
    }

    /** @return a downcall to {@code name} of {@code library} with these linker options */
    static MethodHandle downcall(OpenedLibrary library, String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(symbol(library, name), descriptor, options);
    }

    /** @return the address of the function {@code name} of {@code library} */
    static MemorySegment symbol(OpenedLibrary library, String name) {
        return ((FfmWindows.Library) library).lookup().find(name).orElseThrow(() ->
                new UnsatisfiedLinkError("function " + name + " not found in " + library.location()));
    }

    static Linker linker() {
        return LINKER;
    }

    /** @return the buffer as a segment from its position; a heap buffer is refused before any native call */
    static MemorySegment segment(ByteBuffer buffer) {
        if (buffer == null) {
            return MemorySegment.NULL;
        }
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("native calls take direct buffers only, got " + buffer);
        }
        return MemorySegment.ofBuffer(buffer);
    }

    static MemorySegment address(long address) {
        return MemorySegment.ofAddress(address);
    }

    static AssertionError unexpected(String function, Throwable t) {
        return new AssertionError("downcall " + function + " failed unexpectedly", t);
    }
}
