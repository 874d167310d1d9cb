// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.nio.ByteBuffer;

/**
 * Network-order (big-endian) reads and writes at absolute indexes, one byte at a time, so that
 * neither the position, the limit nor the byte order of the caller's buffer matters or changes.
 * (A packet view may well be little-endian: the Wintun ring's size fields are.)
 *
 * <p>Callers check bounds first; these methods are only the byte arithmetic. Stateless,
 * thread-safe.
 */
final class BigEndian {

    private BigEndian() {
    }

    static int u8(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xFF;
    }

    static int u16(ByteBuffer buffer, int index) {
        return (buffer.get(index) & 0xFF) << 8 | buffer.get(index + 1) & 0xFF;
    }

    static int i32(ByteBuffer buffer, int index) {
        return u16(buffer, index) << 16 | u16(buffer, index + 2);
    }

    static void put8(ByteBuffer buffer, int index, int value) {
        buffer.put(index, (byte) value);
    }

    static void put16(ByteBuffer buffer, int index, int value) {
        buffer.put(index, (byte) (value >>> 8));
        buffer.put(index + 1, (byte) value);
    }

    static void put32(ByteBuffer buffer, int index, int value) {
        put16(buffer, index, value >>> 16);
        put16(buffer, index + 2, value);
    }

    /** Copies {@code length} bytes starting at absolute {@code index} into a new array. */
    static byte[] bytes(ByteBuffer buffer, int index, int length) {
        byte[] copy = new byte[length];
        buffer.get(index, copy);
        return copy;
    }
}
