// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import java.util.Map;

/**
 * The simulator's fault-injection hooks ({@code wintun_sim_faults.c}), bound with JNA direct mapping like
 * {@link SimHooks}: call counters of every simulated wintun.dll, kernel32 and IP Helper function, one armed
 * fault ("fail the N-th call of F with error E"), and counters of live objects. The fault is process-wide,
 * so the tests that arm one do not run in parallel with other simulator tests of the same JVM (surefire runs
 * test classes one after another here).
 */
public final class SimFaults {

    /** Kinds of {@link #WintunSimLiveObjects}: enum sim_object. */
    public static final int ADAPTER_HANDLES = 0;
    public static final int SESSIONS = 1;
    public static final int EVENTS = 2;
    public static final int ADAPTERS = 3;

    private static boolean registered;

    private SimFaults() {
    }

    /** Binds the hooks in the simulator, once per JVM. */
    public static synchronized void bind() {
        if (!registered) {
            Native.register(SimFaults.class, NativeLibrary.getInstance(Simulator.path().toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, 2)));
            registered = true;
        }
    }

    /** Fails the {@code nth} call (from 1, since the last reset) of {@code function} with {@code error}; 0 disarms. */
    public static native int WintunSimFailCall(String function, int nth, int error);

    /** Fails {@code count} calls from the {@code nth} on; {@link #EVERY_LATER_CALL} for all of them. */
    public static native int WintunSimFailCalls(String function, int nth, int count, int error);

    /** A {@code count} of {@link #WintunSimFailCalls}: every call from the nth on, until disarmed. */
    public static final int EVERY_LATER_CALL = -1;

    public static native int WintunSimFaultFired();

    /** @return the calls of {@code function} since the last reset; -1 for a name the simulator does not know */
    public static native int WintunSimCallCount(String function);

    /** @return 1 when the function can be failed, 0 when it cannot (VOID functions), -1 for an unknown name */
    public static native int WintunSimCanFail(String function);

    public static native void WintunSimResetCalls();

    public static native long WintunSimLiveObjects(int kind);

    /** Arms one fault after zeroing the counters, or throws when the simulator refuses it. */
    public static void failCall(String function, int nth, int error) {
        failCalls(function, nth, 1, error);
    }

    /** Arms a fault of {@code count} calls from the {@code nth} after zeroing the counters, or throws when refused. */
    public static void failCalls(String function, int nth, int count, int error) {
        WintunSimResetCalls();
        if (WintunSimFailCalls(function, nth, count, error) == 0) {
            throw new IllegalArgumentException("the simulator cannot fail " + function + " (errno " + Native.getLastError()
                    + ')');
        }
    }

    /** @return the live adapter handles, sessions, events and adapters, in that order */
    public static long[] liveObjects() {
        return new long[] {WintunSimLiveObjects(ADAPTER_HANDLES), WintunSimLiveObjects(SESSIONS),
                WintunSimLiveObjects(EVENTS), WintunSimLiveObjects(ADAPTERS)};
    }
}
