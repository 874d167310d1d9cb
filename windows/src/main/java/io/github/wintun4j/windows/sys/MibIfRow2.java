// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * {@code MIB_IF_ROW2} (netioapi.h), x64: what {@code GetIfEntry2} says of an interface. Wintun gives
 * no call for an adapter's name, GUID or tunnel type; the interface's alias, GUID and description
 * ({@code "<TunnelType> Tunnel"}) are where Windows keeps them. Not thread-safe: one row per call.
 */
public final class MibIfRow2 {

    /** sizeof(MIB_IF_ROW2). */
    public static final int SIZE = 1352;
    /** offsetof(..., InterfaceLuid). */
    public static final int INTERFACE_LUID = 0;
    /** offsetof(..., InterfaceIndex). */
    public static final int INTERFACE_INDEX = 8;
    /** offsetof(..., InterfaceGuid). */
    public static final int INTERFACE_GUID = 12;
    /** offsetof(..., Alias), {@code WCHAR[IF_MAX_STRING_SIZE + 1]}. */
    public static final int ALIAS = 28;
    /** offsetof(..., Description). */
    public static final int DESCRIPTION = 542;
    /** IF_MAX_STRING_SIZE + 1: the units of Alias and Description. */
    public static final int STRING_UNITS = 257;

    private final ByteBuffer row = Structs.allocate(SIZE);

    /** @param interfaceLuid the key {@code GetIfEntry2} looks up */
    public MibIfRow2(long interfaceLuid) {
        row.putLong(INTERFACE_LUID, interfaceLuid);
    }

    /** @return the row's memory, for {@code GetIfEntry2} */
    public ByteBuffer buffer() {
        return row;
    }

    /** @return Alias, the adapter's name */
    public String alias() {
        return Utf16.decode(row, ALIAS, STRING_UNITS);
    }

    /** @return Description */
    public String description() {
        return Utf16.decode(row, DESCRIPTION, STRING_UNITS);
    }

    /** @return InterfaceGuid */
    public UUID guid() {
        return Guid.read(row, INTERFACE_GUID);
    }
}
