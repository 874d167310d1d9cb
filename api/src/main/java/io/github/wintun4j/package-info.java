// SPDX-License-Identifier: Apache-2.0
/**
 * The wintun4j API: {@link io.github.wintun4j.Wintun} finds a backend and opens a
 * {@link io.github.wintun4j.WintunDriver}; the driver creates or opens an
 * {@link io.github.wintun4j.Adapter}, whose {@link io.github.wintun4j.Session} moves
 * {@link io.github.wintun4j.Packet}s through two rings. Failures are
 * {@link io.github.wintun4j.WintunException}s carrying the Windows error code.
 *
 * <p>In OSGi each backend bundle also registers its driver as a {@code WintunDriver} service with
 * the properties of {@link io.github.wintun4j.WintunServiceProperties}, which name the backend. The interfaces that backends implement
 * are provider types: a method added to them is a minor version change for applications and a
 * major one for backends.
 */
@Export
@Version("1.1.0")
package io.github.wintun4j;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
