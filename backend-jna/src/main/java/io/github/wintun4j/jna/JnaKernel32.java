// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import com.sun.jna.Native;

import io.github.wintun4j.jna.JnaWindowsFunctions.Kernel32;

import java.nio.ByteBuffer;

/** {@link io.github.wintun4j.windows.sys.Kernel32} over the registered {@link Kernel32} methods. Thread-safe. */
final class JnaKernel32 implements io.github.wintun4j.windows.sys.Kernel32 {

    @Override
    public long CreateEventW(boolean manualReset, boolean initialState) {
        return Kernel32.CreateEventW(null, manualReset ? 1 : 0, initialState ? 1 : 0, null);
    }

    @Override
    public boolean SetEvent(long event) {
        return Kernel32.SetEvent(event) != 0;
    }

    @Override
    public boolean CloseHandle(long handle) {
        return Kernel32.CloseHandle(handle) != 0;
    }

    @Override
    public int WaitForSingleObject(long handle, int milliseconds) {
        return Kernel32.WaitForSingleObject(handle, milliseconds);
    }

    @Override
    public int WaitForMultipleObjects(int count, ByteBuffer handles, boolean waitAll, int milliseconds) {
        return Kernel32.WaitForMultipleObjects(count, handles, waitAll ? 1 : 0, milliseconds);
    }

    @Override
    public long LoadLibraryExW(ByteBuffer fileName, int flags) {
        return Kernel32.LoadLibraryExW(fileName, null, flags);
    }

    @Override
    public int lastError() {
        return Native.getLastError();
    }
}
