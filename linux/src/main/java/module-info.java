// SPDX-License-Identifier: Apache-2.0
/**
 * Linux support of wintun4j, shared by the FFM and JNA backends: the Wintun model on TUN devices
 * above an interface of raw libc calls. Hosts use it through the API; {@code LinuxAdapter} adds
 * the interface index.
 */
module io.github.wintun4j.linux {
    requires transitive io.github.wintun4j;

    exports io.github.wintun4j.linux;
    exports io.github.wintun4j.linux.sys to io.github.wintun4j.ffm, io.github.wintun4j.jna;

    // OSGi metadata read by bnd at build time (CLASS retention): never needed at run time.
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
}
