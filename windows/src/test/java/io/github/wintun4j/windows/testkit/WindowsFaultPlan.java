// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import java.util.List;
import java.util.Map;

import static io.github.wintun4j.WintunErrors.ERROR_ACCESS_DENIED;
import static io.github.wintun4j.WintunErrors.ERROR_ALREADY_EXISTS;
import static io.github.wintun4j.WintunErrors.ERROR_ALREADY_INITIALIZED;
import static io.github.wintun4j.WintunErrors.ERROR_BUFFER_OVERFLOW;
import static io.github.wintun4j.WintunErrors.ERROR_FILE_NOT_FOUND;
import static io.github.wintun4j.WintunErrors.ERROR_HANDLE_EOF;
import static io.github.wintun4j.WintunErrors.ERROR_INVALID_DATA;
import static io.github.wintun4j.WintunErrors.ERROR_INVALID_PARAMETER;
import static io.github.wintun4j.WintunErrors.ERROR_NOT_ENOUGH_MEMORY;
import static io.github.wintun4j.WintunErrors.ERROR_NOT_FOUND;
import static io.github.wintun4j.WintunErrors.ERROR_NO_MORE_ITEMS;
import static io.github.wintun4j.WintunErrors.ERROR_OBJECT_ALREADY_EXISTS;

/**
 * Which errors each simulated function is failed with, and what the API must make of each.
 *
 * <p>The errors are those the real functions report. Wintun 0.14 ({@code WireGuard/wintun}, {@code api/session.c}):
 * {@code WintunReceivePacket} fails with {@code ERROR_HANDLE_EOF} (ring ended), {@code ERROR_NO_MORE_ITEMS}
 * (empty) or {@code ERROR_INVALID_DATA} (an impossible record); {@code WintunAllocateSendPacket} with
 * {@code ERROR_HANDLE_EOF} or {@code ERROR_BUFFER_OVERFLOW} (full); {@code WintunStartSession} passes on the
 * error of its allocation ({@code ERROR_NOT_ENOUGH_MEMORY}), of {@code CreateEventW} and of the ring
 * registration ({@code ERROR_ACCESS_DENIED} without elevation, {@code ERROR_ALREADY_INITIALIZED} for a second
 * session). {@code api/adapter.c}: creation fails with {@code ERROR_BUFFER_OVERFLOW} for a name that cannot be
 * numbered, {@code ERROR_ALREADY_EXISTS} for a lingering device; open with {@code ERROR_NOT_FOUND}. wireguard-go
 * ({@code tun/tun_windows.go}) handles the same codes: end of file is "closed", no more items means wait,
 * buffer overflow a dropped packet, invalid data a corrupt ring. IP Helper returns its {@code NETIO_STATUS}:
 * {@code ERROR_NOT_FOUND} for an unknown interface or family, {@code ERROR_OBJECT_ALREADY_EXISTS} for an
 * address already assigned, {@code ERROR_INVALID_PARAMETER}; {@code GetIfEntry2} {@code ERROR_FILE_NOT_FOUND}.
 * kernel32 fails with FALSE, NULL or {@code WAIT_FAILED} and {@code ERROR_INVALID_HANDLE} (or
 * {@code ERROR_NOT_ENOUGH_MEMORY} for {@code CreateEventW}).
 */
final class WindowsFaultPlan {

    /** winerror.h; not among the API's named codes. */
    static final int ERROR_INVALID_HANDLE = 6;

    /** Every function the simulator stands in for, in the order of {@code enum sim_function}. */
    static final List<String> FUNCTIONS = List.of("WintunCreateAdapter", "WintunOpenAdapter", "WintunCloseAdapter",
            "WintunDeleteDriver", "WintunGetAdapterLUID", "WintunGetRunningDriverVersion", "WintunSetLogger",
            "WintunStartSession", "WintunEndSession", "WintunGetReadWaitEvent", "WintunReceivePacket",
            "WintunReleaseReceivePacket", "WintunAllocateSendPacket", "WintunSendPacket", "CreateEventW", "SetEvent",
            "CloseHandle", "WaitForSingleObject", "WaitForMultipleObjects", "LoadLibraryExW",
            "InitializeUnicastIpAddressEntry", "CreateUnicastIpAddressEntry", "DeleteUnicastIpAddressEntry",
            "InitializeIpInterfaceEntry", "GetIpInterfaceEntry", "SetIpInterfaceEntry", "GetIfEntry2");

    /** Why a bound function has no call site in the scenario. */
    static final Map<String, String> NEVER_CALLED = Map.of(
            "WaitForSingleObject", "a session waits on its read event and its close event together, with"
                    + " `WaitForMultipleObjects`, which is failed above",
            "LoadLibraryExW", "called on Windows only (`BoundDll.preload`), to load the DLL with safe search flags"
                    + " before it is bound: not reachable on Linux, so not covered here");

    static final Map<String, List<Integer>> ERRORS = Map.ofEntries(
            Map.entry("WintunCreateAdapter", List.of(ERROR_ACCESS_DENIED, ERROR_NOT_ENOUGH_MEMORY, ERROR_BUFFER_OVERFLOW,
                    ERROR_ALREADY_EXISTS)),
            Map.entry("WintunOpenAdapter", List.of(ERROR_NOT_FOUND, ERROR_NOT_ENOUGH_MEMORY)),
            Map.entry("WintunDeleteDriver", List.of(ERROR_ACCESS_DENIED)),
            Map.entry("WintunGetRunningDriverVersion", List.of(ERROR_FILE_NOT_FOUND)),
            Map.entry("WintunStartSession", List.of(ERROR_ACCESS_DENIED, ERROR_NOT_ENOUGH_MEMORY, ERROR_INVALID_PARAMETER,
                    ERROR_ALREADY_INITIALIZED)),
            Map.entry("WintunReceivePacket", List.of(ERROR_NO_MORE_ITEMS, ERROR_HANDLE_EOF, ERROR_INVALID_DATA)),
            Map.entry("WintunAllocateSendPacket", List.of(ERROR_BUFFER_OVERFLOW, ERROR_HANDLE_EOF)),
            Map.entry("CreateEventW", List.of(ERROR_NOT_ENOUGH_MEMORY)),
            Map.entry("SetEvent", List.of(ERROR_INVALID_HANDLE)),
            Map.entry("CloseHandle", List.of(ERROR_INVALID_HANDLE)),
            Map.entry("WaitForSingleObject", List.of(ERROR_INVALID_HANDLE)),
            Map.entry("WaitForMultipleObjects", List.of(ERROR_INVALID_HANDLE)),
            Map.entry("LoadLibraryExW", List.of(ERROR_FILE_NOT_FOUND)),
            Map.entry("CreateUnicastIpAddressEntry", List.of(ERROR_OBJECT_ALREADY_EXISTS, ERROR_INVALID_PARAMETER,
                    ERROR_ACCESS_DENIED, ERROR_NOT_FOUND)),
            Map.entry("DeleteUnicastIpAddressEntry", List.of(ERROR_NOT_FOUND, ERROR_ACCESS_DENIED)),
            Map.entry("GetIpInterfaceEntry", List.of(ERROR_NOT_FOUND, ERROR_INVALID_PARAMETER)),
            Map.entry("SetIpInterfaceEntry", List.of(ERROR_INVALID_PARAMETER, ERROR_ACCESS_DENIED, ERROR_NOT_FOUND)),
            Map.entry("GetIfEntry2", List.of(ERROR_FILE_NOT_FOUND, ERROR_INVALID_PARAMETER)));

    /**
     * What the API makes of a fault: a {@code WintunException} of {@code operation} with the injected code,
     * or, when {@code operation} is {@code null}, the scenario goes on ({@code how} says why).
     */
    record Outcome(String operation, int code, String how) {

        static Outcome thrown(String operation, int code) {
            return new Outcome(operation, code, null);
        }

        static Outcome handled(String how) {
            return new Outcome(null, 0, how);
        }

        boolean isHandled() {
            return operation == null;
        }

        @Override
        public String toString() {
            return isHandled() ? "handled: " + how : "`WintunException`, operation `" + operation + "`, code " + code;
        }
    }

    private WindowsFaultPlan() {
    }

    /**
     * @return whether the real DLL keeps failing once it failed so: an ended ring ({@code ERROR_HANDLE_EOF}) stays
     *         ended and a corrupt one ({@code ERROR_INVALID_DATA}) stays corrupt, so every later call fails alike;
     *         a binding may call again to read the error (the FFM one does), and must see the same failure
     */
    static boolean lasts(int code) {
        return code == ERROR_HANDLE_EOF || code == ERROR_INVALID_DATA;
    }

    /** @return what the API must do when {@code function} fails with {@code code} in the scenario's step {@code step} */
    static Outcome expected(String step, String function, int code) {
        switch (function) {
            case "GetIfEntry2":
                return Outcome.handled("the alias, GUID and tunnel type fall back to what the caller gave");
            case "WintunReceivePacket":
                return code == ERROR_NO_MORE_ITEMS ? Outcome.handled("ring empty: the receive waits and tries again")
                        : Outcome.thrown(function, code);
            case "WintunAllocateSendPacket":
                if (code == ERROR_BUFFER_OVERFLOW) {
                    return Outcome.handled(step.equals("send") ? "the end probe after a send: ring full, not ended"
                            : "ring full: `allocateSendPacket` returns null, the application tries again");
                }
                // after a send, the allocation is the probe that tells whether the adapter ended
                return Outcome.thrown(step.equals("send") ? "WintunSendPacket" : function, code);
            case "GetIpInterfaceEntry":
                return code == ERROR_NOT_FOUND
                        ? Outcome.handled("that IP version is off on the interface: the other one is used")
                        : Outcome.thrown(function, code);
            case "SetEvent":
                return Outcome.handled("the close event is a shortcut: waiters also wake at the end of their 50 ms slice");
            case "CloseHandle":
                return Outcome.handled("the session is ended regardless; nothing more can be done with the handle");
            default:
                return Outcome.thrown(function, code);
        }
    }
}
