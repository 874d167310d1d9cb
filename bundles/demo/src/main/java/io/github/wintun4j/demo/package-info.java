// SPDX-License-Identifier: Apache-2.0
/**
 * The port of Wintun's example program ({@code example.c}) to the wintun4j API:
 * {@link io.github.wintun4j.demo.ExampleTunnel} runs it on any driver, logging through
 * {@link io.github.wintun4j.demo.ConsoleLogger} in the example's format. Uses the public API and
 * {@code io.github.wintun4j.ip} only, never a backend's classes.
 *
 * <p>In OSGi the bundle runs it as a Declarative Services component configured through Config
 * Admin (PID {@value io.github.wintun4j.demo.DemoStatus#PID}), which registers
 * {@link io.github.wintun4j.demo.DemoStatus}; the distribution's command line uses that service.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
