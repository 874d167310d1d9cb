// SPDX-License-Identifier: Apache-2.0
/**
 * A JUnit 5 extension for testing host applications on the mock backend:
 * {@link io.github.wintun4j.junit.WintunMockTest} on a test class, then parameters of types
 * {@link io.github.wintun4j.WintunDriver} (or {@link io.github.wintun4j.mock.MockDriver}),
 * {@link io.github.wintun4j.Adapter}, {@link io.github.wintun4j.Session} and
 * {@link io.github.wintun4j.junit.TestNetwork} in test and lifecycle methods.
 * {@link io.github.wintun4j.junit.TestPackets} builds and reads the common packets.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.junit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
