// SPDX-License-Identifier: Apache-2.0
/**
 * The mock backend: an in-memory Wintun driver ({@link io.github.wintun4j.mock.MockDriver}) that
 * follows the ring, packet and lifecycle rules of Wintun 0.14, and for each adapter a scriptable
 * network side ({@link io.github.wintun4j.mock.MockNetwork}) with responders and fault injection.
 *
 * <p>Found as the {@code "mock"} backend by {@code io.github.wintun4j.Wintun}; tests may also
 * create a {@code MockDriver} directly. The mock has no threads of its own: what the application
 * triggers (an answer to a ping) happens on the application's thread before the call returns,
 * so tests are deterministic.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.mock;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
