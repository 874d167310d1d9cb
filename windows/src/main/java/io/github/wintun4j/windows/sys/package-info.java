// SPDX-License-Identifier: Apache-2.0
/**
 * The raw calls the Windows support needs, as interfaces each native backend binds
 * ({@link io.github.wintun4j.windows.sys.WintunLibrary}, {@link io.github.wintun4j.windows.sys.Kernel32},
 * {@link io.github.wintun4j.windows.sys.IpHelper}, {@link io.github.wintun4j.windows.sys.NativeMemory}),
 * and the x64 structures they exchange, laid out in direct buffers by Java code written once
 * ({@link io.github.wintun4j.windows.sys.Guid}, {@link io.github.wintun4j.windows.sys.SockaddrInet},
 * {@link io.github.wintun4j.windows.sys.MibUnicastIpAddressRow},
 * {@link io.github.wintun4j.windows.sys.MibIpInterfaceRow}, {@link io.github.wintun4j.windows.sys.MibIfRow2}).
 * The offsets are checked against the mingw-w64 headers at test time.
 *
 * <p>Conventions of every raw interface: C names verbatim; pointers and handles are {@code long}
 * (the address; 0 is NULL); structures and strings are direct little-endian {@link java.nio.ByteBuffer}s
 * the caller owns and keeps reachable for the call; a function reports failure exactly as in C (NULL,
 * FALSE, or a status code) and {@code lastError()} then gives what {@code GetLastError} would.
 */
package io.github.wintun4j.windows.sys;
