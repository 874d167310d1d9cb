// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;

/**
 * {@code NET_LUID} (ifdef.h): a 64-bit {@code Value} whose bits are {@code Reserved:24},
 * {@code NetLuidIndex:24}, {@code IfType:16}, low to high. Carried as a {@code long} everywhere.
 */
public final class NetLuid {

    /** sizeof(NET_LUID). */
    public static final int SIZE = 8;

    private NetLuid() {
    }

    /** @return a new 8-byte buffer for {@code WintunGetAdapterLUID} to fill */
    public static ByteBuffer allocate() {
        return Structs.allocate(SIZE);
    }

    /** @return the 64-bit value in {@code luid} */
    public static long value(ByteBuffer luid) {
        return luid.getLong(0);
    }
}
