// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Allocation of the structures handed to native code: direct, zeroed, little-endian (x64 and ARM64). */
final class Structs {

    private Structs() {
    }

    static ByteBuffer allocate(int size) {
        return ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
