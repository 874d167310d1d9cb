// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.mock.MockCounters;
import io.github.wintun4j.mock.MockNetwork;

import java.util.Optional;

/**
 * The driver-side counters of a mock adapter (packets it delivered, batches it dropped because the
 * receive ring was full, non-IP packets it dropped). The mock's package is an optional import:
 * without the mock this class cannot link, and {@link #of(Adapter)} says so with an empty result.
 */
final class MockDriverCounters {

    private MockDriverCounters() {
    }

    /** @return the driver's counters as one line, or empty when the adapter is not the mock's */
    static Optional<String> of(Adapter adapter) {
        try {
            return describe(adapter);
        } catch (NoClassDefFoundError mockNotDeployed) {
            return Optional.empty();
        }
    }

    private static Optional<String> describe(Adapter adapter) {
        return MockNetwork.of(adapter).map(MockNetwork::counters).map(MockDriverCounters::format);
    }

    private static String format(MockCounters counters) {
        return String.format("driver: delivered %d packets, dropped %d inbound batches (%d packets, receive ring full),"
                        + " dropped %d non-IP packets%n",
                counters.deliveredPackets(), counters.droppedInboundBatches(), counters.droppedInboundPackets(),
                counters.droppedNonIp());
    }
}
