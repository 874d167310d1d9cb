// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

/**
 * The one place where a Windows error code becomes the API's exception: the function that failed,
 * the code (as {@code GetLastError} or the {@code NETIO_STATUS} gave it), what was being done, and a
 * hint when the fix is known. Stateless; thread-safe.
 */
final class WindowsErrors {

    /**
     * setupapi.h: {@code APPLICATION_ERROR_MASK | ERROR_SEVERITY_ERROR | 0x23D}. {@code WintunDeleteDriver}
     * ({@code api/driver.c}) calls {@code SetupUninstallOEMInfW} without {@code SUOI_FORCEDELETE}, which refuses
     * with this code while a device installed from the driver's .inf exists: any Wintun adapter on the machine,
     * of any process.
     */
    static final int ERROR_INF_IN_USE_BY_DEVICES = 0xE000023D;

    private WindowsErrors() {
    }

    /**
     * @param function the C function that failed, such as {@code "WintunCreateAdapter"}
     * @param code     its error code
     * @param action   what was being done, such as {@code "creating adapter \"Demo\""}
     * @return the exception
     */
    static WintunException of(String function, int code, String action) {
        String hint = hint(function, code);
        return new WintunException(function, code, action + (hint.isEmpty() ? "" : ": " + hint));
    }

    static WintunException endOfFile(String function, String why) {
        return new WintunException(function, WintunErrors.ERROR_HANDLE_EOF, why);
    }

    private static String hint(String function, int code) {
        switch (code) {
            case WintunErrors.ERROR_ACCESS_DENIED:
                return "Wintun adapters and sessions need Administrator rights (run elevated, or as SYSTEM)";
            case WintunErrors.ERROR_ALREADY_EXISTS:
                // Not a GUID in use: since Wintun 0.13 that gives the new adapter a random GUID. Closing an
                // opened handle removes nothing, so what helps is a new attempt once the old device is gone.
                return function.equals("WintunCreateAdapter")
                        ? "Windows still holds a device of that identity, typically one being removed: retry the"
                                + " creation after a moment" : "";
            case WintunErrors.ERROR_INVALID_DATA:
                return function.equals("WintunReceivePacket")
                        ? "every later receive of this session fails alike; close the session and start a new one"
                                + " (the driver of Wintun 0.14.1 can corrupt the ring when Windows sends to the adapter"
                                + " on several processors at once, a race fixed after that release: wintun commit"
                                + " dd05092)" : "";
            case WintunErrors.ERROR_FILE_NOT_FOUND:
                return function.equals("WintunGetRunningDriverVersion")
                        ? "the Wintun driver is not loaded (it loads when an adapter is created)" : "";
            case WintunErrors.ERROR_ALREADY_INITIALIZED:
                return "the adapter already has a session (one session per adapter, from any process)";
            case ERROR_INF_IN_USE_BY_DEVICES:
                return "ERROR_INF_IN_USE_BY_DEVICES: a Wintun adapter on this machine still exists (of this or any other"
                        + " process); the driver can be deleted only once every adapter is closed";
            default:
                return "";
        }
    }
}
