// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * {@code MIB_UNICASTIPADDRESS_ROW} (netioapi.h), x64: one IP address of an interface, as
 * {@code CreateUnicastIpAddressEntry} and {@code DeleteUnicastIpAddressEntry} take it. Not thread-safe:
 * one row per call.
 */
public final class MibUnicastIpAddressRow {

    /** sizeof(MIB_UNICASTIPADDRESS_ROW). */
    public static final int SIZE = 80;
    /** offsetof(..., Address), a {@link SockaddrInet}. */
    public static final int ADDRESS = 0;
    /** offsetof(..., InterfaceLuid). */
    public static final int INTERFACE_LUID = 32;
    /** offsetof(..., InterfaceIndex). */
    public static final int INTERFACE_INDEX = 40;
    /** offsetof(..., PrefixOrigin). */
    public static final int PREFIX_ORIGIN = 44;
    /** offsetof(..., SuffixOrigin). */
    public static final int SUFFIX_ORIGIN = 48;
    /** offsetof(..., ValidLifetime). */
    public static final int VALID_LIFETIME = 52;
    /** offsetof(..., PreferredLifetime). */
    public static final int PREFERRED_LIFETIME = 56;
    /** offsetof(..., OnLinkPrefixLength). */
    public static final int ON_LINK_PREFIX_LENGTH = 60;
    /** offsetof(..., SkipAsSource). */
    public static final int SKIP_AS_SOURCE = 61;
    /** offsetof(..., DadState). */
    public static final int DAD_STATE = 64;
    /** offsetof(..., ScopeId). */
    public static final int SCOPE_ID = 68;
    /** offsetof(..., CreationTimeStamp). */
    public static final int CREATION_TIME_STAMP = 72;

    private final ByteBuffer row = Structs.allocate(SIZE);

    /** @return the row's memory, for the IP Helper calls */
    public ByteBuffer buffer() {
        return row;
    }

    /**
     * Fills the fields example.c sets after {@code InitializeUnicastIpAddressEntry}.
     *
     * @return this row
     */
    public MibUnicastIpAddressRow set(long interfaceLuid, InetAddress address, int prefixLength) {
        SockaddrInet.write(row, ADDRESS, address);
        row.putLong(INTERFACE_LUID, interfaceLuid);
        row.put(ON_LINK_PREFIX_LENGTH, (byte) prefixLength);
        row.putInt(DAD_STATE, WindowsAbi.IP_DAD_STATE_PREFERRED);
        return this;
    }
}
