// SPDX-License-Identifier: Apache-2.0
/**
 * wintun4j's IP helpers: reading IPv4 / IPv6 / ICMP echo / UDP headers from a packet view, building
 * echo and UDP packets with correct checksums, answering them like a remote host would, and the
 * example program's packet description. Depends on {@code java.base} only, not even on the API:
 * a packet is a {@link java.nio.ByteBuffer}, whichever session it came from.
 */
module io.github.wintun4j.ip {
    exports io.github.wintun4j.ip;

    // OSGi metadata read by bnd at build time (CLASS retention): needed neither to run nor to
    // compile against this module.
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
}
