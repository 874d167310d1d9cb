// SPDX-License-Identifier: Apache-2.0
/**
 * The native backends' dispatch by platform: {@link io.github.wintun4j.platform.CrossPlatformBackend}
 * uses the Windows binding of wintun.dll on Windows and the Linux TUN support elsewhere, so that one
 * backend name ({@code "ffm"}, {@code "jna"}) works on both.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
