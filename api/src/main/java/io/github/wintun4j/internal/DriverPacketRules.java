// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import java.nio.ByteBuffer;

/**
 * What the Wintun driver accepts from the application (wintun-reference section 4): at least 20
 * bytes with IP version nibble 4, or at least 40 bytes with nibble 6; anything else is dropped and
 * counted while the ring still advances. Checksums and the total-length field are not checked.
 * Written once for every backend whose driver side is Java (the mock, Linux). Stateless; thread-safe.
 */
public final class DriverPacketRules {

    /** The smallest IPv4 packet the driver passes on: a header without options. */
    public static final int MIN_IPV4_SIZE = 20;
    /** The smallest IPv6 packet the driver passes on: the fixed header. */
    public static final int MIN_IPV6_SIZE = 40;

    private DriverPacketRules() {
    }

    /**
     * @param packet the bytes from position to limit; not modified
     * @return whether the driver passes the packet on to the network stack
     * @throws NullPointerException when the packet is null
     */
    public static boolean acceptsFromApplication(ByteBuffer packet) {
        int size = packet.remaining();
        if (size < MIN_IPV4_SIZE) {
            return false;
        }
        int version = (packet.get(packet.position()) & 0xF0) >>> 4;
        return version == 4 || (version == 6 && size >= MIN_IPV6_SIZE);
    }
}
