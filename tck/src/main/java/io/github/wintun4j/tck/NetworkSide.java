// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The far side of one adapter, played by the test: the network (or the operating system's
 * stack) that sends packets toward the application and takes the packets it sends, plus the
 * faults a driver can show. A backend's test supplies one per adapter through
 * {@link WintunContractTest#networkSide}.
 *
 * <p>Threading: every method may be called from any thread, several at once.
 */
public interface NetworkSide {

    /**
     * Hands a batch of packets to the driver, toward the application.
     *
     * @param batch the packets, each 1..0xFFFF bytes; the driver copies them
     * @return {@code true} when the batch was written to the session's receive ring; {@code false}
     *         when the driver dropped it whole (no session, or the batch does not fit the ring)
     */
    boolean deliver(List<byte[]> batch);

    /**
     * Takes the next packet the application sent and the driver accepted (an IP packet), in
     * the order the driver saw them.
     *
     * @param timeout the longest wait
     * @param unit    its unit
     * @return the packet's bytes, or {@code null} when none came in time
     * @throws InterruptedException when interrupted while waiting
     */
    byte[] takeSent(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * A driver counts a drop when it consumes the send ring, which for some backends happens
     * only inside {@link #takeSent}; the kit reads this counter after taking a packet sent after
     * the dropped ones, and allows it a moment to catch up.
     *
     * @return how many packets from the application the driver dropped as not IP, since the adapter was created
     */
    long droppedNonIp();

    /** @return how many batches toward the application the driver dropped whole, since the adapter was created */
    long droppedInboundBatches();

    /** Fault: the adapter disappears while in use (the driver terminates its rings). */
    void removeAdapter();

    /** Fault: the next record of the application's receive ring becomes impossible. */
    void corruptReceiveRing();
}
