// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.Kernel32;
import io.github.wintun4j.windows.sys.WindowsBinder.OpenedLibrary;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

import static io.github.wintun4j.ffm.FfmDowncalls.address;
import static io.github.wintun4j.ffm.FfmDowncalls.downcall;
import static io.github.wintun4j.ffm.FfmDowncalls.segment;
import static io.github.wintun4j.ffm.FfmDowncalls.unexpected;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** The kernel32 functions of {@link Kernel32} through {@code java.lang.foreign}, capturing the last error. Thread-safe. */
final class FfmKernel32 implements Kernel32 {

    private final MethodHandle createEvent;
    private final MethodHandle setEvent;
    private final MethodHandle closeHandle;
    private final MethodHandle waitForSingleObject;
    private final MethodHandle waitForMultipleObjects;
    private final MethodHandle loadLibraryEx;

    FfmKernel32(OpenedLibrary library) {
        createEvent = downcall(library, "CreateEventW", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), true);
        setEvent = downcall(library, "SetEvent", FunctionDescriptor.of(JAVA_INT, ADDRESS), true);
        closeHandle = downcall(library, "CloseHandle", FunctionDescriptor.of(JAVA_INT, ADDRESS), true);
        waitForSingleObject = downcall(library, "WaitForSingleObject", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), true);
        waitForMultipleObjects = downcall(library, "WaitForMultipleObjects",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), true);
        loadLibraryEx = downcall(library, "LoadLibraryExW", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT), true);
    }

    @Override
    public long CreateEventW(boolean manualReset, boolean initialState) {
        try {
            return ((MemorySegment) createEvent.invokeExact(FfmLastError.state(), MemorySegment.NULL, manualReset ? 1 : 0,
                    initialState ? 1 : 0, MemorySegment.NULL)).address();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("CreateEventW", t);
        }
    }

    @Override
    public boolean SetEvent(long event) {
        try {
            return (int) setEvent.invokeExact(FfmLastError.state(), address(event)) != 0;
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("SetEvent", t);
        }
    }

    @Override
    public boolean CloseHandle(long handle) {
        try {
            return (int) closeHandle.invokeExact(FfmLastError.state(), address(handle)) != 0;
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("CloseHandle", t);
        }
    }

    @Override
    public int WaitForSingleObject(long handle, int milliseconds) {
        try {
            return (int) waitForSingleObject.invokeExact(FfmLastError.state(), address(handle), milliseconds);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WaitForSingleObject", t);
        }
    }

    @Override
    public int WaitForMultipleObjects(int count, ByteBuffer handles, boolean waitAll, int milliseconds) {
        try {
            return (int) waitForMultipleObjects.invokeExact(FfmLastError.state(), count, segment(handles), waitAll ? 1 : 0,
                    milliseconds);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("WaitForMultipleObjects", t);
        }
    }

    @Override
    public long LoadLibraryExW(ByteBuffer fileName, int flags) {
        try {
            return ((MemorySegment) loadLibraryEx.invokeExact(FfmLastError.state(), segment(fileName), MemorySegment.NULL,
                    flags)).address();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("LoadLibraryExW", t);
        }
    }

    @Override
    public int lastError() {
        return FfmLastError.get();
    }
}
