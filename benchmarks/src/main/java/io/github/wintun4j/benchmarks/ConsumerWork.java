// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import org.agrona.DirectBuffer;

import java.nio.ByteBuffer;

/**
 * What every consumer does with a packet, the same whatever holds it: reads its first, middle
 * and last byte and folds them into one value, which the benchmark returns to JMH (so the reads
 * cannot be eliminated). Small on purpose: the benchmarks measure the hand-over, not the work.
 */
final class ConsumerWork {

    private ConsumerWork() {
    }

    /** @param packet the packet, from its position to its limit */
    static int sample(ByteBuffer packet) {
        int first = packet.position();
        int last = packet.limit() - 1;
        return packet.get(first) ^ packet.get(first + ((last - first) >> 1)) << 8 ^ packet.get(last) << 16;
    }

    /** @param packet the packet, the whole array */
    static int sample(byte[] packet) {
        int last = packet.length - 1;
        return packet[0] ^ packet[last >> 1] << 8 ^ packet[last] << 16;
    }

    /**
     * @param buffer the buffer holding the packet
     * @param index  where the packet starts
     * @param length its size
     */
    static int sample(DirectBuffer buffer, int index, int length) {
        int last = length - 1;
        return buffer.getByte(index) ^ buffer.getByte(index + (last >> 1)) << 8 ^ buffer.getByte(index + last) << 16;
    }
}
