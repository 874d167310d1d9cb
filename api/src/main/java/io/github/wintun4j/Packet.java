// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.osgi.annotation.versioning.ProviderType;

import java.nio.ByteBuffer;

/**
 * One packet in a session ring: either received (from {@link Session#receivePacket()}) or
 * allocated for sending (from {@link Session#allocateSendPacket(int)}).
 *
 * <p>The bytes live in the ring itself: {@link #buffer()} is a view, not a copy. A packet is
 * usable exactly once: a received packet until it is released, an allocated packet until it is
 * sent. {@link #close()} ends it in the one way that is always safe, so a packet can be used in
 * try-with-resources:
 * <pre>{@code
 * try (Packet packet = session.receivePacket(1, TimeUnit.SECONDS)) {
 *     if (packet != null) {
 *         handle(packet.buffer());
 *     }
 * } // released here
 * }</pre>
 *
 * <p>Threading: a packet may be handed from one thread to another (with the usual
 * happens-before of a queue or lock), but must not be used by two threads at once.
 *
 * <p>After release, send or close, and after its session is closed, every method but
 * {@link #size()}, {@link #isReceived()}, {@link #isUsable()} and {@link #close()} throws
 * {@link IllegalStateException}. A {@code ByteBuffer} obtained earlier must not be used any more:
 * the ring reuses that memory for other packets (doing so never crashes the JVM, but the bytes it
 * shows are undefined).
 */
@ProviderType
public interface Packet extends AutoCloseable {

    /** {@return the packet's size in bytes, 1..{@link WintunConstants#MAX_IP_PACKET_SIZE}} */
    int size();

    /**
     * The packet's bytes, without copying: position 0, limit and capacity {@link #size()},
     * big-endian (network order). A received packet's view is read-only; an allocated packet's is
     * writable. Every call returns the same view.
     *
     * @return the view
     * @throws IllegalStateException when the packet was released, sent or closed, or its session closed
     */
    ByteBuffer buffer();

    /** {@return {@code true} for a received packet, {@code false} for one allocated for sending} */
    boolean isReceived();

    /** {@return whether the packet can still be read, written, released or sent} */
    boolean isUsable();

    /**
     * Ends the packet if it is still usable: a received packet is released; an allocated packet
     * that was never sent is discarded (sent as a zeroed, non-IP frame that the driver drops,
     * so it never holds back the packets allocated after it). Does nothing when the packet was
     * already released, sent or closed, or its session closed. Never throws, but for one misuse:
     * on a thread other than the one that claimed the packet's side of the session
     * ({@link Receiver}, {@link Sender}) it throws {@link IllegalStateException} and leaves the
     * packet as it was.
     */
    @Override
    void close();
}
