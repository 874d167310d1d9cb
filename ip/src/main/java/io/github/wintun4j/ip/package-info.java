// SPDX-License-Identifier: Apache-2.0
/**
 * Small IP helpers for tunnel code and tests: reading IPv4 / IPv6 / ICMP echo / UDP headers from
 * a packet view, building echo and UDP packets with correct checksums, answering them like a
 * remote host would, the RFC 1071 checksum, and the example program's packet description.
 *
 * <p>Conventions of the whole package:
 * <ul>
 *   <li>a packet is the bytes between a {@link java.nio.ByteBuffer}'s position and limit; it is
 *       read and written with absolute indexes in network order, so the buffer's position, limit
 *       and byte order never change;</li>
 *   <li>parsers never throw on bad bytes: they return a {@link io.github.wintun4j.ip.ParseResult}
 *       (or an empty {@code Optional}) that says what is wrong;</li>
 *   <li>a {@code null} argument throws {@link NullPointerException} naming the argument;</li>
 *   <li>builders are mutable and not thread-safe; everything else is immutable or stateless and
 *       thread-safe.</li>
 * </ul>
 * The package needs nothing beyond {@code java.base}.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.ip;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
