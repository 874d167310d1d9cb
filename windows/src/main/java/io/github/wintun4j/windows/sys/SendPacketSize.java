// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import io.github.wintun4j.WintunConstants;

/**
 * The sizes a binding may pass to {@code WintunAllocateSendPacket}. The DLL computes the packet's aligned
 * size in 32 bits (WireGuard/wintun {@code api/session.c}: {@code TUN_ALIGN(sizeof(TUN_PACKET) + PacketSize)}
 * in a {@code ULONG}), so a {@code DWORD} from 0xFFFFFFF9 on wraps to a few bytes: the call succeeds, and
 * the record it writes (a {@code Size} the driver rejects) ends the send ring. No size above the largest
 * ring capacity can fit anyway, so every binding refuses those before the call, which keeps the wrap out
 * of reach of any caller, the end probe of {@code SendSide} included. Stateless; thread-safe.
 */
public final class SendPacketSize {

    private SendPacketSize() {
    }

    /**
     * @param packetSize the {@code DWORD} about to be passed, as Java's {@code int}
     * @return {@code packetSize}
     * @throws IllegalArgumentException when it is over {@link WintunConstants#MAX_RING_CAPACITY} as an
     *                                  unsigned number
     */
    public static int require(int packetSize) {
        if (Integer.compareUnsigned(packetSize, WintunConstants.MAX_RING_CAPACITY) > 0) {
            throw tooLarge(packetSize);
        }
        return packetSize;
    }

    /** Out of line, so that {@link #require} stays small enough to inline on the per-packet path. */
    private static IllegalArgumentException tooLarge(int packetSize) {
        return new IllegalArgumentException("WintunAllocateSendPacket: packet size 0x" + Integer.toHexString(packetSize)
                + " (" + Integer.toUnsignedString(packetSize) + " as a DWORD) is over the largest ring capacity 0x"
                + Integer.toHexString(WintunConstants.MAX_RING_CAPACITY) + "; the DLL computes the aligned size in 32"
                + " bits, where a size from 0xFFFFFFF9 on would wrap to a small allocation");
    }
}
