// SPDX-License-Identifier: Apache-2.0
/**
 * The kernel interface of the Linux support: the raw libc calls a backend binds
 * ({@link io.github.wintun4j.linux.sys.LinuxSyscalls}), their failure
 * ({@link io.github.wintun4j.linux.sys.ErrnoException}), the constants with their headers, and the
 * structures passed to {@code ioctl} and {@code poll}. Exported to the native backends only.
 */
package io.github.wintun4j.linux.sys;
