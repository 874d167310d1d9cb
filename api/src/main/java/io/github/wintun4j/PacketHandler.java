// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import java.nio.ByteBuffer;

/**
 * Takes received packets in place, one call per packet, during
 * {@link Session#receiveEach(PacketHandler, int)} (or the same method of a {@link Receiver}):
 * the way to receive that makes no object per packet. Each packet is released as soon as its call
 * returns, whether it returns normally or throws.
 *
 * <p>The buffer handed over is the session's own view of the receive ring, reused for every
 * packet: keep a copy of the bytes, never the buffer, past the call. Its position is generally not
 * 0 (the packet sits where the ring holds it), so read it relatively or from
 * {@code packet.position()}; the packet is {@code packet.remaining()} bytes long. The view is
 * read-only and big-endian (network order); changing its position, limit, mark or byte order
 * affects only the current call.
 *
 * <p>Threading: called on the thread that called {@code receiveEach}, one packet after the
 * other, never concurrently.
 */
@FunctionalInterface
public interface PacketHandler {

    /**
     * Handles one packet in place; the packet is released when this returns or throws.
     *
     * @param packet the packet's bytes, from {@code packet.position()} to {@code packet.limit()};
     *               valid only during this call
     */
    void handle(ByteBuffer packet);
}
