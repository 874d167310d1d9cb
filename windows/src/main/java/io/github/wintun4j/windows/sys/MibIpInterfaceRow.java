// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;

/**
 * {@code MIB_IPINTERFACE_ROW} (netioapi.h), x64: the IPv4 or IPv6 side of an interface, read and
 * written for its MTU. Not thread-safe: one row per call.
 */
public final class MibIpInterfaceRow {

    /** sizeof(MIB_IPINTERFACE_ROW). */
    public static final int SIZE = 168;
    /** offsetof(..., Family). */
    public static final int FAMILY = 0;
    /** offsetof(..., InterfaceLuid). */
    public static final int INTERFACE_LUID = 8;
    /** offsetof(..., InterfaceIndex). */
    public static final int INTERFACE_INDEX = 16;
    /** offsetof(..., SitePrefixLength): must be 0 in an IPv4 row given to {@code SetIpInterfaceEntry}. */
    public static final int SITE_PREFIX_LENGTH = 144;
    /** offsetof(..., NlMtu). */
    public static final int NL_MTU = 152;

    private final ByteBuffer row = Structs.allocate(SIZE);

    /** @return the row's memory, for the IP Helper calls */
    public ByteBuffer buffer() {
        return row;
    }

    /** Sets the key fields after {@code InitializeIpInterfaceEntry}. @return this row */
    public MibIpInterfaceRow key(short family, long interfaceLuid) {
        row.putShort(FAMILY, family);
        row.putLong(INTERFACE_LUID, interfaceLuid);
        return this;
    }

    /** @return NlMtu */
    public int nlMtu() {
        return row.getInt(NL_MTU);
    }

    /**
     * Prepares the row read by {@code GetIpInterfaceEntry} for {@code SetIpInterfaceEntry} with a new MTU.
     * @return this row
     */
    public MibIpInterfaceRow nlMtu(int mtu) {
        row.putInt(NL_MTU, mtu);
        if (row.getShort(FAMILY) == WindowsAbi.AF_INET) {
            row.putInt(SITE_PREFIX_LENGTH, 0); // SetIpInterfaceEntry refuses an IPv4 row with one
        }
        return this;
    }
}
