package io.github.wintun4j.linux;

import java.nio.ByteBuffer;

/**
 * What the Wintun driver accepts from the application (wintun-reference section 4): at least 20
 * bytes with IP version nibble 4, or at least 40 bytes with nibble 6; anything else is dropped and
 * counted while the ring still advances. Checksums and the total-length field are not checked.
 * Stateless; thread-safe.
 */
final class DriverRules {

    private DriverRules() {
    }

    /**
     * @param packet the bytes from position to limit
     * @return whether the driver passes it on to the network stack
     */
    static boolean acceptsFromApplication(ByteBuffer packet) {
        int size = packet.remaining();
        if (size < 20) {
            return false;
        }
        int version = (packet.get(packet.position()) & 0xF0) >>> 4;
        return version == 4 || (version == 6 && size >= 40);
    }
}
