// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.osgi.annotation.versioning.ProviderType;

import java.nio.ByteBuffer;

/**
 * The send side of a {@link Session}, claimed by one thread with {@link Session#claimSender()}:
 * the fastest way to send. The session's own send methods take a lock on every call, so that any
 * number of threads may use them; a sender takes none, because only its thread may use it.
 *
 * <p>Everything else is as the session's methods of the same names: the same packets, allocation
 * order on the wire, ring-full answer ({@code null}) and errors.
 *
 * <p>Threading: only the thread that claimed the sender may call its methods, and send or close
 * the packets it allocates; on any other thread they throw {@link IllegalStateException} (a packet
 * may still be filled on another thread, with the usual happens-before, and handed back). While a
 * sender is open, the session's own {@code allocateSendPacket}, {@code sendPacket} and
 * {@code sendCopy} throw {@link IllegalStateException} on every thread, the claimant's included:
 * the sender is the one way to the send side that takes no lock, and the only one while it is
 * open.
 *
 * <p>After {@link #close()}: the send side is the session's again; packets allocated and not sent
 * stay usable and are sent through the session. After the session is closed: as the session,
 * every call ends with {@code ERROR_HANDLE_EOF}.
 */
@ProviderType
public interface Sender extends AutoCloseable {

    /**
     * As {@link Session#allocateSendPacket(int)}.
     *
     * @param size the packet size, 1..{@link WintunConstants#MAX_IP_PACKET_SIZE}
     * @return the packet to fill, or {@code null} when the send ring is full
     * @throws IllegalArgumentException when the size is out of range
     * @throws IllegalStateException    on a thread other than the claimant, or after {@link #close()}
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session ended
     */
    Packet allocateSendPacket(int size);

    /**
     * As {@link Session#sendPacket(Packet)}.
     *
     * @param packet a packet allocated by this session and not yet sent
     * @throws IllegalArgumentException when the packet belongs to another session or was received
     * @throws IllegalStateException    when it was already sent or closed; on a thread other than the
     *                                  claimant, or after {@link #close()}
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session was closed
     */
    void sendPacket(Packet packet);

    /**
     * As {@link Session#sendCopy(ByteBuffer)}, without a lock: the fastest way to send a packet
     * that already exists in a buffer.
     *
     * @param packet the packet's bytes, from position to limit (copied; the position does not move)
     * @return {@code true} when sent; {@code false} when the send ring is full (nothing was sent)
     * @throws NullPointerException     when the buffer is null
     * @throws IllegalArgumentException when it has no bytes remaining, or more than 0xFFFF
     * @throws IllegalStateException    on a thread other than the claimant, or after {@link #close()}
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session ended
     */
    boolean sendCopy(ByteBuffer packet);

    /**
     * Gives the send side back to the session. Idempotent on the claimant's thread.
     *
     * @throws IllegalStateException on a thread other than the claimant (named in the message):
     *                               only the claimant can know that it no longer uses the side, so
     *                               the sender stays open
     */
    @Override
    void close();
}
