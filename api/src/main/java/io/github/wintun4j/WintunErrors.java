// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/**
 * The Windows error codes that Wintun reports, as named constants, and their names.
 *
 * <p>Every backend reports failures with these codes, whatever the platform, so that a host can
 * handle {@link #ERROR_HANDLE_EOF} or {@link #ERROR_ALREADY_EXISTS} the same way on Windows,
 * Linux and the mock. Constants only; thread-safe.
 */
public final class WintunErrors {

    /** 2: the driver is not loaded (version query). */
    public static final int ERROR_FILE_NOT_FOUND = 2;
    /** 4: the process has too many open files (Linux: EMFILE, ENFILE). */
    public static final int ERROR_TOO_MANY_OPEN_FILES = 4;
    /** 5: not Administrator / SYSTEM, or not permitted (Linux: EPERM, EACCES). */
    public static final int ERROR_ACCESS_DENIED = 5;
    /** 8: memory for the rings could not be allocated. */
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    /** 13: the receive ring is corrupt. */
    public static final int ERROR_INVALID_DATA = 13;
    /** 31: a device attached to the system is not functioning (an unexpected system failure). */
    public static final int ERROR_GEN_FAILURE = 31;
    /** 38: the adapter is terminating, or the session ended. */
    public static final int ERROR_HANDLE_EOF = 38;
    /** 50: the request is not supported on this machine or by this backend. */
    public static final int ERROR_NOT_SUPPORTED = 50;
    /** 87: a bad argument, such as a ring capacity that is not a power of two in range. */
    public static final int ERROR_INVALID_PARAMETER = 87;
    /** 111: the send ring is full, or a name is too long. */
    public static final int ERROR_BUFFER_OVERFLOW = 111;
    /** 127: a function is missing from a library (GetProcAddress). */
    public static final int ERROR_PROC_NOT_FOUND = 127;
    /**
     * 183: it exists already: on Linux an interface of that name; from {@code WintunCreateAdapter} on
     * Windows a device of that identity that Windows still holds (a requested GUID that another adapter
     * has is no error: the new adapter gets another GUID).
     */
    public static final int ERROR_ALREADY_EXISTS = 183;
    /** 193: a library is not a valid image for this machine (wrong architecture or format). */
    public static final int ERROR_BAD_EXE_FORMAT = 193;
    /** 258: a wait timed out. */
    public static final int WAIT_TIMEOUT = 258;
    /** 259: the receive ring is empty. */
    public static final int ERROR_NO_MORE_ITEMS = 259;
    /** 577: a library's signature or hash does not match (here: the SHA-256 pin). */
    public static final int ERROR_INVALID_IMAGE_HASH = 577;
    /** 1168: no adapter of that name; no backend of that name. */
    public static final int ERROR_NOT_FOUND = 1168;
    /** 1247: a second session on one adapter. */
    public static final int ERROR_ALREADY_INITIALIZED = 1247;
    /** 5010: the IP address is already assigned. */
    public static final int ERROR_OBJECT_ALREADY_EXISTS = 5010;

    private WintunErrors() {
    }

    /**
     * The symbolic name of a code, for messages.
     *
     * @param code a Windows error code
     * @return its name, such as {@code "ERROR_HANDLE_EOF"}, or {@code "error <code>"} when unknown
     */
    public static String nameOf(int code) {
        switch (code) {
            case ERROR_FILE_NOT_FOUND: return "ERROR_FILE_NOT_FOUND";
            case ERROR_TOO_MANY_OPEN_FILES: return "ERROR_TOO_MANY_OPEN_FILES";
            case ERROR_ACCESS_DENIED: return "ERROR_ACCESS_DENIED";
            case ERROR_NOT_ENOUGH_MEMORY: return "ERROR_NOT_ENOUGH_MEMORY";
            case ERROR_INVALID_DATA: return "ERROR_INVALID_DATA";
            case ERROR_GEN_FAILURE: return "ERROR_GEN_FAILURE";
            case ERROR_HANDLE_EOF: return "ERROR_HANDLE_EOF";
            case ERROR_NOT_SUPPORTED: return "ERROR_NOT_SUPPORTED";
            case ERROR_INVALID_PARAMETER: return "ERROR_INVALID_PARAMETER";
            case ERROR_BUFFER_OVERFLOW: return "ERROR_BUFFER_OVERFLOW";
            case ERROR_PROC_NOT_FOUND: return "ERROR_PROC_NOT_FOUND";
            case ERROR_ALREADY_EXISTS: return "ERROR_ALREADY_EXISTS";
            case ERROR_BAD_EXE_FORMAT: return "ERROR_BAD_EXE_FORMAT";
            case WAIT_TIMEOUT: return "WAIT_TIMEOUT";
            case ERROR_NO_MORE_ITEMS: return "ERROR_NO_MORE_ITEMS";
            case ERROR_INVALID_IMAGE_HASH: return "ERROR_INVALID_IMAGE_HASH";
            case ERROR_NOT_FOUND: return "ERROR_NOT_FOUND";
            case ERROR_ALREADY_INITIALIZED: return "ERROR_ALREADY_INITIALIZED";
            case ERROR_OBJECT_ALREADY_EXISTS: return "ERROR_OBJECT_ALREADY_EXISTS";
            default: return "error " + code;
        }
    }
}
