// SPDX-License-Identifier: Apache-2.0
/**
 * Benchmarks on real TUN devices, through the public API only: a relay between two adapters
 * ({@link io.github.wintun4j.benchmarks.relay.Relay}, measured against a C relay by
 * {@code benchmarks/relay.sh}) and an ICMP echo responder for latency and idle cost
 * ({@link io.github.wintun4j.benchmarks.relay.EchoServer}, {@code benchmarks/latency.sh}).
 * Both need Linux, root (or CAP_NET_ADMIN) and a network namespace of their own, which the
 * scripts make.
 */
package io.github.wintun4j.benchmarks.relay;
