// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.ip.UdpPacketBuilder;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The packet every benchmark moves: a valid IPv4/UDP datagram of an exact total size, so that
 * the mock's network side accepts it as IP, and the per-packet work every consumer does on it.
 * The same bytes go through every implementation; only the container differs.
 */
final class SamplePacket {

    /** IPv4 header (20) + UDP header (8): the smallest packet this class builds. */
    static final int MIN_SIZE = 28;

    private SamplePacket() {
    }

    /**
     * @param size the total packet size, {@value #MIN_SIZE}..65535
     * @return a new IPv4/UDP packet of exactly {@code size} bytes, 10.6.7.8:40000 -> 10.6.7.7:9
     */
    static byte[] udp(int size) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("packet size must be at least " + MIN_SIZE + ", got " + size);
        }
        byte[] payload = new byte[size - MIN_SIZE];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        try {
            return UdpPacketBuilder.datagram()
                    .source(InetAddress.getByAddress(new byte[] {10, 6, 7, 8}), 40000)
                    .destination(InetAddress.getByAddress(new byte[] {10, 6, 7, 7}), 9) // discard
                    .payload(payload)
                    .toByteArray();
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }
}
