// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

/**
 * A snapshot of the traffic counters of one {@link MockNetwork}, totals since the adapter was
 * created (across sessions). Each counter is exact; a snapshot taken while traffic flows is not
 * atomic across counters. Immutable.
 *
 * @param deliveredPackets      packets {@link MockNetwork#deliver} wrote into the receive ring
 *                              (responder replies included)
 * @param droppedInboundBatches batches dropped whole because they did not fit in the free space
 *                              of the receive ring (section 4 of the Wintun reference); a batch
 *                              refused because no session was running is not counted, as the real
 *                              adapter is disconnected then and gets no traffic to count
 * @param droppedInboundPackets the packets in those dropped batches
 * @param sentPackets           IP packets the application sent that the network side consumed
 *                              from the send ring: those a responder answered, those queued for
 *                              {@link MockNetwork#takeSent()} (including any the queue later shed,
 *                              see {@link MockNetwork#sentQueueOverflow()}), and those taken
 *                              directly by {@code takeSent} / {@code drainSent}
 * @param droppedNonIp          packets the application sent that the driver rule refused: fewer
 *                              than 20 bytes with version nibble 4, fewer than 40 with nibble 6,
 *                              any other version nibble (closed, never-sent packets included)
 */
public record MockCounters(long deliveredPackets, long droppedInboundBatches, long droppedInboundPackets,
                           long sentPackets, long droppedNonIp) {
}
