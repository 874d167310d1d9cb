// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import io.github.wintun4j.jna.JnaWindowsFunctions.IpHelper;

import java.nio.ByteBuffer;

/** {@link io.github.wintun4j.windows.sys.IpHelper} over the registered {@link IpHelper} methods. Thread-safe. */
final class JnaIpHelper implements io.github.wintun4j.windows.sys.IpHelper {

    @Override
    public void InitializeUnicastIpAddressEntry(ByteBuffer row) {
        IpHelper.InitializeUnicastIpAddressEntry(row);
    }

    @Override
    public int CreateUnicastIpAddressEntry(ByteBuffer row) {
        return IpHelper.CreateUnicastIpAddressEntry(row);
    }

    @Override
    public int DeleteUnicastIpAddressEntry(ByteBuffer row) {
        return IpHelper.DeleteUnicastIpAddressEntry(row);
    }

    @Override
    public void InitializeIpInterfaceEntry(ByteBuffer row) {
        IpHelper.InitializeIpInterfaceEntry(row);
    }

    @Override
    public int GetIpInterfaceEntry(ByteBuffer row) {
        return IpHelper.GetIpInterfaceEntry(row);
    }

    @Override
    public int SetIpInterfaceEntry(ByteBuffer row) {
        return IpHelper.SetIpInterfaceEntry(row);
    }

    @Override
    public int GetIfEntry2(ByteBuffer row) {
        return IpHelper.GetIfEntry2(row);
    }
}
