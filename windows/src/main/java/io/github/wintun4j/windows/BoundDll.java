// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.windows.sys.IpHelper;
import io.github.wintun4j.windows.sys.Kernel32;
import io.github.wintun4j.windows.sys.LibraryLocation;
import io.github.wintun4j.windows.sys.LibraryUnavailableException;
import io.github.wintun4j.windows.sys.NativeMemory;
import io.github.wintun4j.windows.sys.Utf16;
import io.github.wintun4j.windows.sys.WindowsAbi;
import io.github.wintun4j.windows.sys.WindowsBinder;
import io.github.wintun4j.windows.sys.WindowsBinder.OpenedLibrary;
import io.github.wintun4j.windows.sys.WintunLibrary;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A wintun.dll loaded and bound by one backend, with kernel32 and IP Helper, and the dispatch of its
 * process-wide logger. Loading is done once per backend and file, in this order:
 * <ul>
 *   <li>on Windows: kernel32 (always loaded in every process); the DLL by its absolute path with
 *       {@code LoadLibraryExW(path, NULL, LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_SYSTEM32)},
 *       so its own dependencies come from its folder and System32 only; iphlpapi from System32 only;
 *       then each is bound by the backend (which finds them loaded);</li>
 *   <li>elsewhere: the stand-in, which exports the functions of all three.</li>
 * </ul>
 * Every function is checked before any is bound, so a missing one is named. Libraries are never
 * unloaded: a logger callback could still be running. Thread-safe.
 */
final class BoundDll {

    /** The functions of wintun.h 0.14, all required. */
    static final List<String> WINTUN_FUNCTIONS = List.of("WintunCreateAdapter", "WintunOpenAdapter",
            "WintunCloseAdapter", "WintunDeleteDriver", "WintunGetAdapterLUID", "WintunGetRunningDriverVersion",
            "WintunSetLogger", "WintunStartSession", "WintunEndSession", "WintunGetReadWaitEvent",
            "WintunReceivePacket", "WintunReleaseReceivePacket", "WintunAllocateSendPacket", "WintunSendPacket");
    /** The kernel32 functions of {@link Kernel32}. */
    static final List<String> KERNEL32_FUNCTIONS = List.of("CreateEventW", "SetEvent", "CloseHandle",
            "WaitForSingleObject", "WaitForMultipleObjects", "LoadLibraryExW");
    /** The IP Helper functions of {@link IpHelper}. */
    static final List<String> IPHLPAPI_FUNCTIONS = List.of("InitializeUnicastIpAddressEntry",
            "CreateUnicastIpAddressEntry", "DeleteUnicastIpAddressEntry", "InitializeIpInterfaceEntry",
            "GetIpInterfaceEntry", "SetIpInterfaceEntry", "GetIfEntry2");

    private static final Map<String, BoundDll> LOADED = new HashMap<>();

    final Path path;
    final WintunLibrary wintun;
    final Kernel32 kernel32;
    final IpHelper ipHelper;
    final NativeMemory memory;
    final LogDispatch logs;

    private BoundDll(Path path, WintunLibrary wintun, Kernel32 kernel32, IpHelper ipHelper, NativeMemory memory,
                     LogDispatch logs) {
        this.path = path;
        this.wintun = wintun;
        this.kernel32 = kernel32;
        this.ipHelper = ipHelper;
        this.memory = memory;
        this.logs = logs;
    }

    /**
     * @param backend the backend's name, keeping each backend's binding apart
     * @param binder  its binder
     * @param dll     the DLL, verified just before
     * @return the bound DLL, loaded now or earlier
     * @throws LibraryUnavailableException when a library cannot be opened or bound by this backend
     * @throws WintunException             when Windows refuses to load the DLL, or a function is missing
     */
    static BoundDll load(String backend, WindowsBinder binder, WintunDll dll) throws LibraryUnavailableException {
        String key = backend + '\0' + dll.path();
        synchronized (LOADED) {
            BoundDll bound = LOADED.get(key);
            if (bound == null) {
                bound = bind(binder, dll.path());
                LOADED.put(key, bound);
            }
            return bound;
        }
    }

    private static BoundDll bind(WindowsBinder binder, Path path) throws LibraryUnavailableException {
        OpenedLibrary wintunLibrary;
        OpenedLibrary kernel32Library;
        OpenedLibrary ipHelperLibrary;
        Kernel32 kernel32;
        if (WindowsPlatform.isWindows()) {
            kernel32Library = binder.open(LibraryLocation.system("kernel32"));
            requireFunctions(kernel32Library, KERNEL32_FUNCTIONS);
            kernel32 = binder.kernel32(kernel32Library);
            preload(kernel32, path.toString(),
                    WindowsAbi.LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | WindowsAbi.LOAD_LIBRARY_SEARCH_SYSTEM32);
            preload(kernel32, "iphlpapi.dll", WindowsAbi.LOAD_LIBRARY_SEARCH_SYSTEM32);
            wintunLibrary = binder.open(LibraryLocation.file(path));
            ipHelperLibrary = binder.open(LibraryLocation.system("iphlpapi"));
        } else {
            wintunLibrary = binder.open(LibraryLocation.file(path));
            kernel32Library = wintunLibrary;
            ipHelperLibrary = wintunLibrary;
            requireFunctions(kernel32Library, KERNEL32_FUNCTIONS);
            kernel32 = null;
        }
        requireFunctions(wintunLibrary, WINTUN_FUNCTIONS);
        requireFunctions(ipHelperLibrary, IPHLPAPI_FUNCTIONS);
        if (kernel32 == null) {
            kernel32 = binder.kernel32(kernel32Library);
        }
        LogDispatch logs = new LogDispatch();
        return new BoundDll(path, binder.wintun(wintunLibrary, logs), kernel32, binder.ipHelper(ipHelperLibrary),
                binder.memory(), logs);
    }

    private static void preload(Kernel32 kernel32, String file, int flags) {
        if (kernel32.LoadLibraryExW(Utf16.encode(file), flags) == 0) {
            int error = kernel32.lastError();
            String why = error == WindowsAbi.ERROR_BAD_EXE_FORMAT ? ": not a DLL for this architecture"
                    : error == WindowsAbi.ERROR_MOD_NOT_FOUND ? ": it, or a DLL it needs, was not found" : "";
            throw WindowsErrors.of("LoadLibraryExW", error, "loading " + file + why);
        }
    }

    private static void requireFunctions(OpenedLibrary library, List<String> names) {
        for (String name : names) {
            if (!library.hasFunction(name)) {
                throw new WintunException(DllFile.OPERATION, WintunErrors.ERROR_PROC_NOT_FOUND, library.location()
                        + " does not export the function " + name + (name.startsWith("Wintun")
                        ? " (wintun4j needs Wintun 0.14 or later: get it from https://www.wintun.net/)" : ""));
            }
        }
    }

    /** @return the exception for a failed call of this DLL's wintun functions */
    WintunException lastError(String function, String action) {
        return WindowsErrors.of(function, wintun.lastError(), action);
    }

    static WintunException unsupported(String reason, Throwable cause) {
        return new WintunException("Wintun.open", WintunErrors.ERROR_NOT_SUPPORTED, reason, cause);
    }
}
