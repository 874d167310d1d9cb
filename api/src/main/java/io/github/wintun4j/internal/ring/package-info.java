// SPDX-License-Identifier: Apache-2.0
/**
 * The Wintun ring model, written once in Java (reference section 3): {@link io.github.wintun4j.internal.ring.Ring}
 * with its reader and writer ends, the packets they hand out, the read-wait signal, and
 * {@link io.github.wintun4j.internal.ring.RingSession}, a complete {@code Session} over two rings for
 * backends whose driver side is Java (the mock, Linux).
 *
 * <p>Exported to the project's own modules only, like {@code io.github.wintun4j.internal} (a
 * qualified export; in OSGi the mandatory attribute {@code wintun4j=internal}).
 */
@Version("1.1.0")
package io.github.wintun4j.internal.ring;

import org.osgi.annotation.versioning.Version;
