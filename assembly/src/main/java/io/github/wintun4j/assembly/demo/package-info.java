/**
 * The port of Wintun's example program ({@code example.c}) to the wintun4j API:
 * {@link io.github.wintun4j.assembly.demo.ExampleTunnel} runs it on any driver, logging through
 * {@link io.github.wintun4j.assembly.demo.ConsoleLogger} in the example's format. Uses the public
 * API and {@code io.github.wintun4j.ip} only, never a backend's classes. Not an API: part of the
 * distribution.
 */
package io.github.wintun4j.assembly.demo;
