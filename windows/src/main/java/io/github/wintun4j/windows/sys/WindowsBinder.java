// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

/**
 * What a native backend contributes to the Windows support: opening libraries and binding the raw
 * interfaces on them. The sequence (which library, from where, with which checks) is decided once,
 * in {@code io.github.wintun4j.windows}.
 */
public interface WindowsBinder {

    /** An opened library, for symbol checks and binding. */
    interface OpenedLibrary {
        /** @return where it was opened from */
        LibraryLocation location();

        /** @return whether it exports a function of that exact name */
        boolean hasFunction(String name);
    }

    /**
     * Opens a library (without any search: a system library by name, or a file by absolute path).
     *
     * @throws LibraryUnavailableException when it cannot be opened
     * @throws IllegalCallerException      when the JVM denies this backend native access
     */
    OpenedLibrary open(LibraryLocation location) throws LibraryUnavailableException;

    /** Binds kernel32's functions in {@code library}, whose symbols were checked. */
    Kernel32 kernel32(OpenedLibrary library);

    /** Binds the IP Helper functions in {@code library}, whose symbols were checked. */
    IpHelper ipHelper(OpenedLibrary library);

    /**
     * Binds wintun.dll's functions in {@code library}, whose symbols were checked, with one logger
     * callback that forwards to {@code sink} and lives as long as the JVM.
     *
     * @throws LibraryUnavailableException when this binding cannot bind that library here (for
     *                                     example a second, different wintun.dll in one JVM)
     */
    WintunLibrary wintun(OpenedLibrary library, LogSink sink) throws LibraryUnavailableException;

    /** @return access to the DLL's packet memory */
    NativeMemory memory();
}
