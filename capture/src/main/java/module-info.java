// SPDX-License-Identifier: Apache-2.0
/**
 * Packet capture for wintun4j: wraps any {@code io.github.wintun4j.Session}, of any backend, and
 * writes every packet it receives and sends to a pcapng file that Wireshark and tshark read.
 * Depends on the JDK and the API only.
 */
module io.github.wintun4j.capture {
    requires transitive io.github.wintun4j;

    exports io.github.wintun4j.capture;

    // OSGi metadata read by bnd at build time (CLASS retention).
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
}
