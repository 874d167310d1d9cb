// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.osgi.annotation.versioning.ProviderType;

import java.util.concurrent.TimeUnit;

/**
 * The receive side of a {@link Session}, claimed by one thread with {@link Session#claimReceiver()}:
 * the fastest way to receive. The session's own receive methods take a lock on every call, so that
 * any number of threads may use them; a receiver takes none, because only its thread may use it.
 * An application with one receiving thread (the usual shape of a tunnel) loses nothing by it.
 *
 * <p>Everything else is as the session's methods of the same names: the same packets, ring rules,
 * errors, and waiting (spin briefly while traffic is heavy, then wait).
 *
 * <p>Threading: only the thread that claimed the receiver may call its methods, and release or
 * close the packets it hands out; on any other thread they throw {@link IllegalStateException}
 * (a packet may still be read on another thread, with the usual happens-before). While a receiver
 * is open, the session's own {@code receivePacket}, {@code receiveEach} and
 * {@code releaseReceivePacket} throw {@link IllegalStateException} on every thread, the
 * claimant's included: the receiver is the one way to the receive side that takes no lock, and
 * the only one while it is open. {@link Session#awaitReadable} still works.
 *
 * <p>After {@link #close()}: the receive side is the session's again (another receiver may be
 * claimed); packets not yet released stay usable and are released through the session. After the
 * session is closed: as the session, every call ends with {@code ERROR_HANDLE_EOF}.
 */
@ProviderType
public interface Receiver extends AutoCloseable {

    /**
     * As {@link Session#receivePacket()}.
     *
     * @return the packet, or {@code null} when the ring is empty
     * @throws WintunException       {@code ERROR_HANDLE_EOF} when closed, {@code ERROR_INVALID_DATA} when corrupt
     * @throws IllegalStateException on a thread other than the claimant, or after {@link #close()}
     */
    Packet receivePacket();

    /**
     * As {@link Session#receivePacket(long, TimeUnit)}.
     *
     * @param timeout the longest wait; 0 means do not wait
     * @param unit    its unit
     * @return the packet, or {@code null} when none arrived in time
     * @throws WintunException          as {@link #receivePacket()}, including when closed while waiting
     * @throws InterruptedException     when the thread is interrupted while waiting
     * @throws IllegalArgumentException when the timeout is negative
     * @throws IllegalStateException    on a thread other than the claimant, or after {@link #close()}
     */
    Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * As {@link Session#receiveEach(PacketHandler, int)}, without a lock: the fastest way to
     * receive. If the handler closes this receiver, the call ends after that packet, and the side
     * is given back when the call returns (until then it still counts as claimed).
     *
     * @param handler takes each packet in place; see {@link PacketHandler}
     * @param max     the most packets to take, {@code >= 0}
     * @return how many packets were handed over, 0 when the ring is empty
     * @throws NullPointerException     when the handler is null
     * @throws IllegalArgumentException when {@code max} is negative
     * @throws WintunException          as {@link #receivePacket()}, when no packet was handed over
     * @throws IllegalStateException    on a thread other than the claimant, or after {@link #close()}
     */
    int receiveEach(PacketHandler handler, int max);

    /**
     * As {@link Session#releaseReceivePacket(Packet)}: the claimed side's way to release (or
     * {@link Packet#close()}, on this thread).
     *
     * @param packet a packet received from this session and not yet released
     * @throws IllegalArgumentException when the packet belongs to another session or was allocated for sending
     * @throws IllegalStateException    when it was already released; on a thread other than the claimant,
     *                                  or after {@link #close()}
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session was closed
     */
    void releaseReceivePacket(Packet packet);

    /**
     * Gives the receive side back to the session. Idempotent on the claimant's thread. Called from
     * a handler of {@link #receiveEach}, it takes effect when that call returns.
     *
     * @throws IllegalStateException on a thread other than the claimant (named in the message):
     *                               only the claimant can know that it no longer uses the side, so
     *                               the receiver stays open
     */
    @Override
    void close();
}
