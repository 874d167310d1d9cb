// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * {@code GUID} (guiddef.h), 16 bytes: {@code Data1} (32 bits), {@code Data2}, {@code Data3} (16 bits
 * each), all three little-endian in memory, then {@code Data4} as 8 bytes in order. A
 * {@link UUID} prints the same fields big-endian, so {deadbabe-cafe-beef-0123-456789abcdef} is stored
 * as {@code be ba ad de fe ca ef be 01 23 45 67 89 ab cd ef}. Stateless; thread-safe.
 */
public final class Guid {

    /** sizeof(GUID). */
    public static final int SIZE = 16;
    /** offsetof(GUID, Data1). */
    public static final int DATA1 = 0;
    /** offsetof(GUID, Data2). */
    public static final int DATA2 = 4;
    /** offsetof(GUID, Data3). */
    public static final int DATA3 = 6;
    /** offsetof(GUID, Data4). */
    public static final int DATA4 = 8;

    private Guid() {
    }

    /** @return a new direct buffer holding {@code uuid} as a GUID */
    public static ByteBuffer of(UUID uuid) {
        ByteBuffer guid = Structs.allocate(SIZE);
        write(guid, 0, uuid);
        return guid;
    }

    /** Writes {@code uuid} as a GUID at {@code offset}. */
    public static void write(ByteBuffer target, int offset, UUID uuid) {
        ByteBuffer le = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long high = uuid.getMostSignificantBits();
        le.putInt(offset + DATA1, (int) (high >>> 32));
        le.putShort(offset + DATA2, (short) (high >>> 16));
        le.putShort(offset + DATA3, (short) high);
        ByteBuffer be = target.duplicate().order(ByteOrder.BIG_ENDIAN);
        be.putLong(offset + DATA4, uuid.getLeastSignificantBits());
    }

    /** @return the GUID at {@code offset} as a UUID */
    public static UUID read(ByteBuffer source, int offset) {
        ByteBuffer le = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long high = ((long) le.getInt(offset + DATA1) << 32)
                | ((le.getShort(offset + DATA2) & 0xFFFFL) << 16)
                | (le.getShort(offset + DATA3) & 0xFFFFL);
        long low = source.duplicate().order(ByteOrder.BIG_ENDIAN).getLong(offset + DATA4);
        return new UUID(high, low);
    }
}
