// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;

/**
 * The one mapping from {@code errno} to the Windows error codes of the API, so that a host handles
 * a failure the same way on Windows, Linux and the mock. The message names the Wintun operation,
 * what was being done, the errno name and number, and a hint when the fix is known.
 * Stateless; thread-safe.
 */
final class LinuxErrors {

    private LinuxErrors() {
    }

    /**
     * @param errno an errno value
     * @return the Windows code it means when the call site gives no better one
     */
    static int windowsCode(int errno) {
        switch (errno) {
            case Errno.EPERM:
            case Errno.EACCES:
                return WintunErrors.ERROR_ACCESS_DENIED;
            case Errno.ENODEV:
            case Errno.ENXIO:
            case Errno.ENOENT:
            case Errno.EADDRNOTAVAIL:
                return WintunErrors.ERROR_NOT_FOUND;
            case Errno.EBUSY:
                return WintunErrors.ERROR_ALREADY_INITIALIZED;
            case Errno.EEXIST:
                return WintunErrors.ERROR_OBJECT_ALREADY_EXISTS;
            case Errno.EINVAL:
            case Errno.ERANGE:
                return WintunErrors.ERROR_INVALID_PARAMETER;
            case Errno.EBADFD:
                return WintunErrors.ERROR_HANDLE_EOF;
            case Errno.EAFNOSUPPORT:
            case Errno.EOPNOTSUPP:
            case Errno.EPROTONOSUPPORT:
            case Errno.ENOSYS:
            case Errno.ENOTTY:
                return WintunErrors.ERROR_NOT_SUPPORTED;
            case Errno.ENOMEM:
            case Errno.ENOBUFS:
                return WintunErrors.ERROR_NOT_ENOUGH_MEMORY;
            case Errno.EMFILE:
            case Errno.ENFILE:
                return WintunErrors.ERROR_TOO_MANY_OPEN_FILES;
            default:
                return WintunErrors.ERROR_GEN_FAILURE;
        }
    }

    /**
     * @param operation the Wintun operation, such as {@code "WintunCreateAdapter"}
     * @param action    what failed, such as {@code "TUNSETIFF on \"demo\""}
     * @param failure   the failure
     * @return the exception, with the default code for the errno
     */
    static WintunException of(String operation, String action, ErrnoException failure) {
        return of(operation, windowsCode(failure.errno()), action, failure);
    }

    /**
     * @param operation the Wintun operation
     * @param code      the Windows code this failure means here
     * @param action    what failed
     * @param failure   the failure
     * @return the exception
     */
    static WintunException of(String operation, int code, String action, ErrnoException failure) {
        return of(operation, code, action, failure, hint(failure.errno()));
    }

    /**
     * @param operation the Wintun operation
     * @param code      the Windows code this failure means here
     * @param action    what failed
     * @param failure   the failure
     * @param meaning   what the errno means at this call site, such as {@code "it is not a TUN device"}
     * @return the exception
     */
    static WintunException of(String operation, int code, String action, ErrnoException failure, String meaning) {
        return new WintunException(operation, code,
                action + " failed with " + Errno.describe(failure.errno()) + (meaning.isEmpty() ? "" : ": " + meaning),
                failure);
    }

    private static String hint(int errno) {
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return "TUN devices and interface configuration need CAP_NET_ADMIN (run as root, or grant the capability)";
        }
        return "";
    }
}
