// SPDX-License-Identifier: Apache-2.0
/**
 * The Wintun model on Linux TUN devices, written once above {@link io.github.wintun4j.linux.sys.LinuxSyscalls}:
 * the driver and adapter ({@link io.github.wintun4j.linux.LinuxDriver}, {@link io.github.wintun4j.linux.LinuxAdapter}),
 * the session (the API's ring model filled by {@code read()} and drained by {@code write()} on the TUN
 * descriptor), interface configuration through ioctls, and the mapping of {@code errno} to the API's
 * Windows error codes. The FFM and JNA backends extend {@link io.github.wintun4j.linux.LinuxBackend}
 * and contribute only their binding of the libc calls.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.linux;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
