// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.binding;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The wintun ABI simulator's network-side hooks ({@code WintunSim*} in {@code wintun_sim.c}) that the
 * binding-cost benchmarks use to keep the rings moving, bound with JNA direct mapping once per JVM.
 * They run outside the per-packet calls measured (once per ring-full of packets), whichever backend is
 * measured; the C baseline calls the same hooks the same way.
 */
final class SimulatorHooks {

    /** dlfcn.h: {@code RTLD_NOW}, as the JNA backend opens the simulator (the same handle is shared). */
    private static final int RTLD_NOW = 2;

    private static Path bound;

    private SimulatorHooks() {
    }

    /** Binds the hooks in the simulator at {@code path}; the same file the backend loads. */
    static synchronized void bind(Path path) {
        if (bound == null) {
            Native.register(SimulatorHooks.class, NativeLibrary.getInstance(path.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW)));
            bound = path;
        } else if (!bound.equals(path)) {
            throw new IllegalStateException("the simulator hooks are bound to " + bound + " already, not " + path);
        }
    }

    /** Writes a whole batch into the adapter's receive ring, or nothing; non-zero when written. */
    static native int WintunSimDeliver(long luid, ByteBuffer packets, ByteBuffer sizes, int count);

    /** Makes the latest batch receivable again, without copying, once all of it was released; non-zero when done. */
    static native int WintunSimReplayReceived(long luid);

    /** Makes the driver drop sent packets unseen (non-zero) or queue them for the tests (zero). */
    static native int WintunSimDiscardSent(long luid, int discard);
}
