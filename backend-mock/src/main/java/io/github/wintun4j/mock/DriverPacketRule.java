package io.github.wintun4j.mock;

import java.nio.ByteBuffer;

/**
 * The one check the Wintun driver makes on a packet the application sends (reference section 4):
 * it is IP when it has at least 20 bytes and version nibble 4, or at least 40 bytes and version
 * nibble 6. Nothing else is checked (no checksum, no length field). Stateless.
 */
final class DriverPacketRule {

    private static final int MIN_IPV4 = 20;
    private static final int MIN_IPV6 = 40;

    private DriverPacketRule() {
    }

    /**
     * @param packet the packet, position to limit; not modified
     * @return whether the driver passes it on
     */
    static boolean isIp(ByteBuffer packet) {
        int length = packet.remaining();
        if (length == 0) {
            return false;
        }
        int version = (packet.get(packet.position()) & 0xFF) >>> 4;
        return version == 4 && length >= MIN_IPV4 || version == 6 && length >= MIN_IPV6;
    }
}
