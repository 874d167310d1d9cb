// SPDX-License-Identifier: Apache-2.0
/**
 * Windows support of wintun4j, shared by the FFM and JNA backends: the Wintun model over
 * {@code wintun.dll}, written once above interfaces of raw {@code wintun.dll}, kernel32 and IP Helper
 * calls ({@code io.github.wintun4j.windows.sys}) that each backend binds. Hosts use it through the
 * API; {@link io.github.wintun4j.windows.WintunDll} lets a host name the DLL it ships (and pin it).
 * {@link io.github.wintun4j.platform.CrossPlatformBackend}, the base of the FFM and JNA backends,
 * dispatches to this Windows binding on Windows and to the backend for other platforms elsewhere.
 */
module io.github.wintun4j.windows {
    requires transitive io.github.wintun4j;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports io.github.wintun4j.windows;
    exports io.github.wintun4j.platform;
    exports io.github.wintun4j.windows.sys to io.github.wintun4j.ffm, io.github.wintun4j.jna;

    uses io.github.wintun4j.spi.WintunBackend;
}
