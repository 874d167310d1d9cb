// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code wintun4j} command line of the Felix distribution (picocli): {@code demo} configures
 * the demo component and waits for its end, {@code backends} lists the driver services,
 * {@code shell} opens the Gogo console. It runs inside the framework, as the service
 * {@link io.github.wintun4j.cli.CommandLineService} that the launcher calls. Not an API.
 */
package io.github.wintun4j.cli;
