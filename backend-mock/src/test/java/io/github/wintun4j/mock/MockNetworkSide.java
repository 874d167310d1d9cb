// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.internal.ring.RingFaults;
import io.github.wintun4j.tck.NetworkSide;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The contract kit's view of a {@link MockNetwork}: the test plays the network by delivering and
 * taking raw packets, and injects the faults the mock offers. Thread-safe, as the network is.
 */
final class MockNetworkSide implements NetworkSide {

    private final MockNetwork network;

    /**
     * @param network the network side of one mock adapter, with no responders attached, so that
     *                the kit sees every packet the application sends
     */
    MockNetworkSide(MockNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public boolean deliver(List<byte[]> batch) {
        return network.deliver(batch.toArray(new byte[0][]));
    }

    @Override
    public byte[] takeSent(long timeout, TimeUnit unit) throws InterruptedException {
        return network.takeSent(timeout, unit);
    }

    @Override
    public long droppedNonIp() {
        return network.counters().droppedNonIp();
    }

    @Override
    public long droppedInboundBatches() {
        return network.counters().droppedInboundBatches();
    }

    @Override
    public void removeAdapter() {
        network.removeAdapter();
    }

    @Override
    public void corruptReceiveRing() {
        corruptReceiveRing(network);
    }

    /**
     * Fault: corrupts the receive ring of the network's running session, so that the application's
     * next receive, and every one after it, fails with {@code ERROR_INVALID_DATA}.
     *
     * @throws IllegalStateException when no session is running
     */
    static void corruptReceiveRing(MockNetwork network) {
        RingFaults.writeCorruptRecord(network.receiveRingWriter());
    }

    @Override
    public String toString() {
        return "MockNetworkSide[" + network + ']';
    }
}
