// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.ByteBuffer;

/**
 * The IP Helper (iphlpapi) functions the adapter configuration needs, raw: the {@code NETIO_STATUS}
 * ones return the Windows error code directly (0 is {@code NO_ERROR}). Rows are direct buffers of the
 * x64 layouts of {@link MibUnicastIpAddressRow}, {@link MibIpInterfaceRow} and {@link MibIfRow2}.
 * Thread-safe.
 */
public interface IpHelper {

    /** {@code VOID InitializeUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW Row)}. */
    void InitializeUnicastIpAddressEntry(ByteBuffer row);

    /** {@code NETIO_STATUS CreateUnicastIpAddressEntry(const MIB_UNICASTIPADDRESS_ROW *Row)}. */
    int CreateUnicastIpAddressEntry(ByteBuffer row);

    /** {@code NETIO_STATUS DeleteUnicastIpAddressEntry(const MIB_UNICASTIPADDRESS_ROW *Row)}. */
    int DeleteUnicastIpAddressEntry(ByteBuffer row);

    /** {@code VOID InitializeIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)}. */
    void InitializeIpInterfaceEntry(ByteBuffer row);

    /** {@code NETIO_STATUS GetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)}. */
    int GetIpInterfaceEntry(ByteBuffer row);

    /** {@code NETIO_STATUS SetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)}. */
    int SetIpInterfaceEntry(ByteBuffer row);

    /** {@code NETIO_STATUS GetIfEntry2(PMIB_IF_ROW2 Row)}: the adapter's alias, description and GUID by LUID. */
    int GetIfEntry2(ByteBuffer row);
}
