// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import picocli.CommandLine.Option;

/** The options of the soak's churning programs: which backend, and the device they answer pings on. */
final class EchoDeviceOptions {

    @Option(names = "--backend", required = true, description = "the backend: ffm or jna")
    String backend;

    @Option(names = "--name", required = true, description = "the adapter name")
    String name;

    @Option(names = "--address", defaultValue = "10.9.0.1",
            description = "the adapter's IPv4 address (default ${DEFAULT-VALUE}); its /24 is answered here")
    String address;
}
