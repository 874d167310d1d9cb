// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The simulator's test hooks ({@code WintunSim*}), bound with JNA direct mapping for the tests of both
 * backends. Only tests call these; the production bindings never do. Adapters are named by LUID.
 */
public final class SimHooks {

    private static boolean registered;

    private SimHooks() {
    }

    /** Binds the hooks in the simulator, once per JVM. */
    public static synchronized void bind() {
        if (!registered) {
            Native.register(SimHooks.class, NativeLibrary.getInstance(Simulator.path().toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, 2)));
            registered = true;
        }
    }

    /** Writes a batch into the adapter's receive ring: all of it, or nothing (and a counted drop when it does not fit). */
    public static native int WintunSimDeliver(long luid, ByteBuffer packets, ByteBuffer sizes, int count);

    /** @return the size of the next packet the adapter's stack took (copied to {@code buffer}), 0 after the timeout */
    public static native int WintunSimTakeSent(long luid, ByteBuffer buffer, int capacity, int timeoutMillis);

    public static native long WintunSimDroppedNonIp(long luid);

    public static native long WintunSimDroppedInboundBatches(long luid);

    /** @return how many times {@code WintunReceivePacket} was called on the adapter's sessions */
    public static native long WintunSimReceiveCalls(long luid);

    public static native int WintunSimRemoveAdapter(long luid);

    /**
     * @return how many {@code CloseHandle} calls so far, the simulated DLL's own included, closed a handle that
     *         was not open (and failed with {@code ERROR_INVALID_HANDLE}, as on Windows)
     */
    public static native long WintunSimInvalidCloses();

    /**
     * The simulator's {@code WintunAllocateSendPacket} called directly, past every binding: to see the DLL's own
     * arithmetic, which the bindings keep callers from reaching.
     */
    public static native long WintunAllocateSendPacket(long session, int packetSize);

    public static native int WintunSimCorruptReceiveRing(long luid);

    /** Sets whether sent packets are dropped unseen; non-zero when the adapter has a session (the simulator still holds its rings). */
    public static native int WintunSimDiscardSent(long luid, int discard);

    /** @return whether the simulator still holds a session (its rings) for the adapter: not yet ended by WintunEndSession */
    public static boolean hasSession(long luid) {
        return WintunSimDiscardSent(luid, 0) != 0;
    }

    /**
     * Adds an interface that is no Wintun adapter, as a physical NIC (wintun_sim_foreign.c).
     *
     * @param alias the interface's alias, UTF-16 with a terminating NUL
     * @return its LUID, 0 when the alias is in use or invalid
     */
    public static native long WintunSimAddInterface(ByteBuffer alias);

    /** Copies the alias of any interface (a Wintun adapter or another) into {@code buffer}; non-zero when found. */
    public static native int WintunSimInterfaceAlias(long luid, ByteBuffer buffer, int units);

    /** The user renames an interface: its alias changes, a Wintun adapter's Wintun name does not; non-zero when done. */
    public static native int WintunSimSetInterfaceAlias(long luid, ByteBuffer alias);

    /** Removes an interface added by {@link #WintunSimAddInterface}; non-zero when there was one. */
    public static native int WintunSimRemoveInterface(long luid);

    /**
     * Selects where the driver works for sessions started from now on (wintun_sim_driver_thread.c): non-zero on
     * threads of its own, beside the application, with the real Alertable and event protocol; zero inside the
     * application's calls (the default).
     */
    public static native void WintunSimUseDriverThreads(int on);

    /** @return how many packets the driver threads of the adapter's session moved; 0 when it has none */
    public static native long WintunSimDriverThreadMoves(long luid);

    /** Calls the installed logger with a UTF-16 message, from a new native thread when asked; returns once done. */
    public static native int WintunSimLog(int level, ByteBuffer message, int fromNewThread);
}
