// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;

/**
 * The kernel32 functions the Windows support calls, raw (see {@link WintunLibrary} for the
 * conventions). Events wake the readers of a session: the DLL's read-wait event and one of our own,
 * set when the session closes. Thread-safe.
 */
public interface Kernel32 {

    /** {@code HANDLE CreateEventW(LPSECURITY_ATTRIBUTES, BOOL bManualReset, BOOL bInitialState, LPCWSTR lpName)}, unnamed and without attributes. */
    long CreateEventW(boolean manualReset, boolean initialState);

    /** {@code BOOL SetEvent(HANDLE hEvent)}. */
    boolean SetEvent(long event);

    /** {@code BOOL CloseHandle(HANDLE hObject)}. */
    boolean CloseHandle(long handle);

    /** {@code DWORD WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds)}. */
    int WaitForSingleObject(long handle, int milliseconds);

    /**
     * {@code DWORD WaitForMultipleObjects(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll, DWORD dwMilliseconds)}.
     *
     * @param handles {@code count} handles of 8 bytes each
     */
    int WaitForMultipleObjects(int count, ByteBuffer handles, boolean waitAll, int milliseconds);

    /**
     * {@code HMODULE LoadLibraryExW(LPCWSTR lpLibFileName, HANDLE hFile, DWORD dwFlags)}; called on
     * Windows only, to load a library with the search flags of {@link WindowsAbi} before it is bound.
     */
    long LoadLibraryExW(ByteBuffer fileName, int flags);

    /** @return as {@link WintunLibrary#lastError()} */
    int lastError();
}
