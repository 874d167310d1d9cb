// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.ip.PacketDescription;
import io.github.wintun4j.mock.MockNetwork;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The network side of the test's adapter, seen from a test: inject what the network sends to the
 * host, take what the host sent, assert that it sent nothing. Failures are {@link AssertionError}s
 * that say what was expected and what happened.
 *
 * <p>No responder is attached: every packet the host sends waits here, in send order, until taken.
 * {@link #mock()} gives the full {@link MockNetwork} (responders, counters, faults).
 *
 * <p>Threading: every method is thread-safe. After the test the adapter is gone: injecting fails,
 * and packets already sent can still be taken.
 */
public final class TestNetwork {

    private final MockNetwork network;

    TestNetwork(MockNetwork network) {
        this.network = network;
        network.clearResponders();
    }

    /**
     * Delivers a packet to the host, as the network would.
     *
     * @param packet an IP packet, 1..65535 bytes
     * @throws AssertionError           when it was not delivered: no session runs, or the host's receive ring is full
     * @throws NullPointerException     when the packet is null
     * @throws IllegalArgumentException when it is empty or longer than 65535 bytes
     */
    public void inject(byte[] packet) {
        Objects.requireNonNull(packet, "packet");
        if (!network.deliver(packet)) {
            throw new AssertionError("could not deliver " + PacketDescription.describe(PacketDescription.Direction.RECEIVED, packet) + ": "
                    + (network.hasSession() ? "the host's receive ring is full" : "no session runs on the adapter"));
        }
    }

    /**
     * As {@link #inject(byte[])}, with the remaining bytes of a buffer (copied; its position does not move).
     *
     * @param packet the packet
     */
    public void inject(ByteBuffer packet) {
        Objects.requireNonNull(packet, "packet");
        byte[] bytes = new byte[packet.remaining()];
        packet.get(packet.position(), bytes);
        inject(bytes);
    }

    /**
     * Takes the next packet the host sent, waiting for it.
     *
     * @param timeout the longest wait, {@code >= 0}
     * @return a copy of the packet
     * @throws AssertionError           when the host sent nothing in time
     * @throws InterruptedException     when interrupted while waiting
     * @throws NullPointerException     when the timeout is null
     * @throws IllegalArgumentException when it is negative
     */
    public byte[] takeSent(Duration timeout) throws InterruptedException {
        byte[] packet = pollSent(timeout);
        if (packet == null) {
            throw new AssertionError("expected the host to send a packet within " + timeout + ", it sent nothing");
        }
        return packet;
    }

    /**
     * As {@link #takeSent(Duration)}, with {@code null} when nothing came.
     *
     * @param timeout the longest wait, {@code >= 0}
     * @return a copy of the packet, or {@code null}
     * @throws InterruptedException when interrupted while waiting
     */
    public byte[] pollSent(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        return network.takeSent(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Asserts that the host sends nothing within {@code wait}.
     *
     * @param wait how long to watch, {@code >= 0}
     * @throws AssertionError       naming the packet when the host sent one
     * @throws InterruptedException when interrupted while waiting
     */
    public void assertNothingSent(Duration wait) throws InterruptedException {
        byte[] packet = pollSent(wait);
        if (packet != null) {
            throw new AssertionError("expected the host to send nothing, it sent " + PacketDescription.describe(PacketDescription.Direction.SENT, packet));
        }
    }

    /** @return the mock's network side of the adapter, for responders, counters and faults */
    public MockNetwork mock() {
        return network;
    }
}
