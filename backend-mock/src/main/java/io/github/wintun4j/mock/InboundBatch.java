// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.WintunConstants;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of packets a test hands to {@link MockNetwork#deliver}, checked and taken as buffers
 * for {@link io.github.wintun4j.internal.ring.DriverWriter#writeBatch(List)}. The buffers are views of
 * the caller's bytes: the ring writer copies them. Stateless.
 */
final class InboundBatch {

    private InboundBatch() {
    }

    /**
     * @throws NullPointerException     naming {@code batch} or {@code batch[i]}
     * @throws IllegalArgumentException when a packet is not 1..65535 bytes
     */
    static List<ByteBuffer> of(byte[]... batch) {
        Objects.requireNonNull(batch, "batch");
        List<ByteBuffer> buffers = new ArrayList<>(batch.length);
        for (byte[] packet : batch) {
            int index = buffers.size();
            Objects.requireNonNull(packet, () -> "batch[" + index + "]");
            requireSize(index, packet.length);
            buffers.add(ByteBuffer.wrap(packet));
        }
        return buffers;
    }

    /**
     * @return duplicates of the buffers, so that the caller's positions and limits never move and
     *         a list changed concurrently cannot change the batch half-way
     * @throws NullPointerException     naming {@code batch} or {@code batch[i]}
     * @throws IllegalArgumentException when a packet is not 1..65535 bytes
     */
    static List<ByteBuffer> of(List<ByteBuffer> batch) {
        Objects.requireNonNull(batch, "batch");
        List<ByteBuffer> buffers = new ArrayList<>(batch.size());
        for (ByteBuffer packet : batch) {
            int index = buffers.size();
            Objects.requireNonNull(packet, () -> "batch[" + index + "]");
            requireSize(index, packet.remaining());
            buffers.add(packet.duplicate());
        }
        return buffers;
    }

    /**
     * @return {@code packet} itself, checked as {@code batch[0]} of a batch of one
     * @throws NullPointerException     naming {@code batch[0]}
     * @throws IllegalArgumentException when it is not 1..65535 bytes
     */
    static ByteBuffer single(ByteBuffer packet) {
        Objects.requireNonNull(packet, "batch[0]");
        requireSize(0, packet.remaining());
        return packet;
    }

    private static void requireSize(int index, int size) {
        if (size < 1 || size > WintunConstants.MAX_IP_PACKET_SIZE) {
            throw new IllegalArgumentException("batch[" + index + "] holds " + size
                    + " bytes; a packet holds 1.." + WintunConstants.MAX_IP_PACKET_SIZE);
        }
    }
}
