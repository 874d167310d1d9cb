// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Where the fuzz tests put their bytes: the kinds of buffer a parser meets, away from index 0. */
final class FuzzBuffers {

    /** Garbage before the packet, so that a parser that reads from 0 instead of the position is caught. */
    private static final int OFFSET = 3;

    private FuzzBuffers() {
    }

    /** @return the bytes in a heap buffer, a little-endian direct one and a read-only one, each at position 3 */
    static List<ByteBuffer> placements(byte[] input) {
        ByteBuffer heap = place(ByteBuffer.allocate(OFFSET + input.length + 1), input);
        ByteBuffer direct = place(ByteBuffer.allocateDirect(OFFSET + input.length + 1).order(ByteOrder.LITTLE_ENDIAN), input);
        return List.of(heap, direct, place(ByteBuffer.allocate(OFFSET + input.length + 1), input).asReadOnlyBuffer());
    }

    private static ByteBuffer place(ByteBuffer buffer, byte[] input) {
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, (byte) 0xEE);
        }
        buffer.put(OFFSET, input);
        return buffer.position(OFFSET).limit(OFFSET + input.length);
    }

    /** The position, limit, byte order and bytes a parser was given are as they were. */
    static void requireUnchanged(byte[] input, ByteBuffer packet, ByteOrder order) {
        require(packet.position() == OFFSET && packet.limit() == OFFSET + input.length, "position and limit kept");
        require(packet.order() == order, "byte order kept");
        for (int i = 0; i < input.length; i++) {
            require(packet.get(OFFSET + i) == input[i], "bytes kept");
        }
    }

    /** Plain checks rather than AssertJ: they run for every input the fuzzer makes. */
    static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
