// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

/**
 * The numbers of the Windows API that the Windows support uses, each with the header it comes from.
 * The layout test compiles these names against the mingw-w64 headers and compares. Constants only.
 */
public final class WindowsAbi {

    /** ws2def.h: {@code AF_INET}. */
    public static final short AF_INET = 2;
    /** ws2def.h: {@code AF_INET6} (23 on Windows, unlike Linux's 10). */
    public static final short AF_INET6 = 23;
    /** nldef.h: {@code IpDadStatePreferred}, what example.c sets on a new address. */
    public static final int IP_DAD_STATE_PREFERRED = 4;
    /** winerror.h: {@code NO_ERROR}. */
    public static final int NO_ERROR = 0;
    /** winerror.h: {@code ERROR_INVALID_HANDLE}. */
    public static final int ERROR_INVALID_HANDLE = 6;
    /** winerror.h: {@code ERROR_MOD_NOT_FOUND}: a DLL or one it depends on was not found. */
    public static final int ERROR_MOD_NOT_FOUND = 126;
    /** winerror.h: {@code ERROR_BAD_EXE_FORMAT}: not a DLL for this architecture. */
    public static final int ERROR_BAD_EXE_FORMAT = 193;
    /** winbase.h: {@code WAIT_OBJECT_0}. */
    public static final int WAIT_OBJECT_0 = 0;
    /** winerror.h: {@code WAIT_TIMEOUT}. */
    public static final int WAIT_TIMEOUT = 258;
    /** winbase.h: {@code WAIT_FAILED}. */
    public static final int WAIT_FAILED = 0xFFFFFFFF;
    /** libloaderapi.h: {@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR}: a DLL's dependencies from its own folder. */
    public static final int LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR = 0x100;
    /** libloaderapi.h: {@code LOAD_LIBRARY_SEARCH_APPLICATION_DIR}. */
    public static final int LOAD_LIBRARY_SEARCH_APPLICATION_DIR = 0x200;
    /** libloaderapi.h: {@code LOAD_LIBRARY_SEARCH_SYSTEM32}. */
    public static final int LOAD_LIBRARY_SEARCH_SYSTEM32 = 0x800;
    /** ipifcons.h: {@code IF_TYPE_PROP_VIRTUAL}, the IfType in a Wintun adapter's LUID. */
    public static final int IF_TYPE_PROP_VIRTUAL = 53;
    /** FILETIME of the Unix epoch: 100 ns intervals from 1601-01-01 to 1970-01-01. */
    public static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    private WindowsAbi() {
    }
}
