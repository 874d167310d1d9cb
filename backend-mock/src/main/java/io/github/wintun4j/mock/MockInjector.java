// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.internal.ClaimHandle;
import io.github.wintun4j.internal.ring.DriverWriter;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The inbound direction of one mock session (network to application), claimed by one thread
 * with {@link MockNetwork#claimInbound()}: {@link MockNetwork#deliver} without its lock, for tests
 * and benchmarks that feed a session from one thread as fast as it can take packets. Each packet
 * is delivered as a batch of one, with the same rules: copied into the receive ring when it fits,
 * else dropped and counted.
 *
 * <p>Threading: only the claiming thread may deliver (other threads get
 * {@link IllegalStateException}) or close (elsewhere {@code close()} does nothing). While claimed, {@link MockNetwork#deliver} fails on every other
 * thread (and responders, whose replies are delivered that way, log the failure and drop the reply).
 *
 * <p>After {@link #close()}, or once the session ended, {@code deliver} returns {@code false}.
 */
public final class MockInjector extends ClaimHandle {

    private final SessionLink link;
    private final TrafficCounters counters;
    private final DriverWriter writer;

    MockInjector(SessionLink link, TrafficCounters counters) {
        super("injector", link.toApplication::unclaim);
        this.link = link;
        this.counters = counters;
        this.writer = link.toApplication;
        writer.claim();
    }

    /**
     * Delivers one packet toward the application.
     *
     * @param packet the packet's bytes, from position to limit (copied; the position does not move)
     * @return {@code true} when written; {@code false} when dropped (it did not fit), or the session
     *         or this injector ended
     * @throws NullPointerException     when the packet is null
     * @throws IllegalArgumentException when it is empty or longer than 65535 bytes
     * @throws IllegalStateException    on a thread other than the claimant
     */
    public boolean deliver(ByteBuffer packet) {
        Objects.requireNonNull(packet, "packet");
        if (isClosed() || link.isEnded()) {
            return false;
        }
        if (writer.write(packet)) {
            counters.deliveredByClaimant();
            return true;
        }
        if (!link.isEnded()) {
            counters.droppedInboundByClaimant();
        }
        return false;
    }

    /**
     * As {@link #deliver(ByteBuffer)}, the whole array being the packet.
     *
     * @param packet the packet (copied)
     * @return whether it was written
     */
    public boolean deliver(byte[] packet) {
        return deliver(ByteBuffer.wrap(Objects.requireNonNull(packet, "packet")));
    }
}
