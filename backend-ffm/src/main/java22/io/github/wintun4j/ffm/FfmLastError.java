// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * Where the Windows functions' last error is captured ({@link Linker.Option#captureCallState}): on
 * Windows {@code GetLastError}; elsewhere, where a stand-in for wintun.dll reports the same codes,
 * {@code errno}, the only state the linker captures there. One call-state segment per thread.
 */
final class FfmLastError {

    static final String STATE = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
            ? "GetLastError" : "errno";
    static final Linker.Option CAPTURE = Linker.Option.captureCallState(STATE);

    private static final StructLayout LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle VALUE = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement(STATE));
    private static final ThreadLocal<MemorySegment> SEGMENT = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(LAYOUT));

    private FfmLastError() {
    }

    /** @return this thread's call-state segment, passed first to every capturing downcall */
    static MemorySegment state() {
        return SEGMENT.get();
    }

    /** @return the value captured by this thread's latest capturing downcall */
    static int get() {
        return get(SEGMENT.get());
    }

    /** @return the value captured in {@code state} (this thread's {@link #state()}) */
    static int get(MemorySegment state) {
        return (int) VALUE.get(state, 0L);
    }
}
