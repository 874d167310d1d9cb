// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@code LPCWSTR} strings: zero-terminated UTF-16LE in direct buffers. Written here rather than left to
 * a binding's string support, because JNA's wide strings follow the C {@code wchar_t} (4 bytes on Linux)
 * while {@code WCHAR} is always 2. Stateless; thread-safe.
 */
public final class Utf16 {

    private Utf16() {
    }

    /**
     * @param text a string without NUL
     * @return its UTF-16LE units and a terminating 0 unit, in a new direct buffer
     */
    public static ByteBuffer encode(String text) {
        byte[] units = text.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer buffer = Structs.allocate(units.length + 2);
        buffer.put(0, units);
        return buffer;
    }

    /**
     * @param buffer    UTF-16LE units from {@code offset}
     * @param offset    the first byte
     * @param maxUnits  the most units to read
     * @return the units up to the first 0 unit or {@code maxUnits}, as a string
     */
    public static String decode(ByteBuffer buffer, int offset, int maxUnits) {
        ByteBuffer le = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < maxUnits && offset + 2 * i + 1 < le.limit(); i++) {
            char unit = le.getChar(offset + 2 * i);
            if (unit == 0) {
                break;
            }
            text.append(unit);
        }
        return text.toString();
    }
}
