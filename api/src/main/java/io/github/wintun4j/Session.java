// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import org.osgi.annotation.versioning.ProviderType;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * A Wintun session: two rings of packets between the application and the adapter.
 *
 * <p>Receiving: {@link #receivePacket()} hands out the next packet from the adapter, or
 * {@code null} when none is waiting; each packet is then released with
 * {@link #releaseReceivePacket(Packet)} (or {@link Packet#close()}). Packets may be released in
 * any order, but ring space comes back only for the released prefix: a packet held unreleased
 * holds back the space of every packet received after it.
 *
 * <p>Sending: {@link #allocateSendPacket(int)} reserves room in the send ring, or returns
 * {@code null} when the ring is full; the application fills {@link Packet#buffer()} and calls
 * {@link #sendPacket(Packet)}. Packets reach the adapter in allocation order: a packet becomes
 * visible only when every packet allocated before it has been sent or closed.
 *
 * <p>Without packet objects: {@link #receiveEach(PacketHandler, int)} hands each received
 * packet to a handler in place and releases it when the handler returns, and
 * {@link #sendCopy(ByteBuffer)} allocates, fills and sends a packet from a buffer in one call.
 * Same rings, order and errors; nothing to release or send afterwards, and on backends whose
 * rings are Java memory (the mock, Linux) no allocation per packet.
 *
 * <p>Errors: {@link WintunException} with {@link WintunErrors#ERROR_HANDLE_EOF} from receive and
 * allocate when the session was closed or the adapter went away (this wins over packets still
 * unread; packets already received may still be released, and sending after the adapter went
 * away drops the packet and reports {@code ERROR_HANDLE_EOF}), and
 * {@link WintunErrors#ERROR_INVALID_DATA} when the receive ring is corrupt (the read position
 * does not move, so the error repeats: close the session and start a new one).
 *
 * <p>Waiting: {@link #receivePacket(long, TimeUnit)} (and a {@link Receiver}'s) first spins
 * for at most 12.5 microseconds, and only while the session received more than 800 Mbit/s since
 * the ring last ran empty; otherwise, and after the spin, it waits on the read event. This is
 * wireguard-go's rule for Wintun ({@code tun/tun_windows.go}), the same on every backend and
 * platform: a quiet session never burns a core.
 *
 * <p>Threading: every method is thread-safe, and always takes the lock of its direction (each
 * direction has its own): any number of threads may receive and release, and any number may
 * allocate and send, at once. An application that receives on one thread, or sends on one
 * thread, can {@linkplain #claimReceiver() claim} that side for the thread: the claimed
 * {@link Receiver} or {@link Sender} is the one way in that takes no lock. While a side is
 * claimed, the session's own methods of that side ({@code receivePacket}, {@code receiveEach},
 * {@code releaseReceivePacket}; {@code allocateSendPacket}, {@code sendPacket},
 * {@code sendCopy}) throw {@link IllegalStateException} on every thread, the claimant's
 * included, until the claim is closed. {@link #awaitReadable}, {@link #isOpen()},
 * {@link #capacity()}, {@link #close()} and {@link Packet#close()} are not affected.
 *
 * <p>After close: {@link #close()} wakes every thread blocked in the session at once: a blocked
 * {@link #receivePacket(long, TimeUnit)} ends with {@code ERROR_HANDLE_EOF}, a blocked
 * {@link #awaitReadable(long, TimeUnit)} returns {@code true} (the next receive reports the end),
 * and every later receive, allocate, send or release ends with {@code ERROR_HANDLE_EOF}. Every
 * packet of the session becomes unusable.
 * {@link #capacity()}, {@link #isOpen()} and {@code close()} still work.
 */
@ProviderType
public interface Session extends AutoCloseable {

    /** {@return the ring capacity in bytes, a power of two in [MIN_RING_CAPACITY, MAX_RING_CAPACITY]} */
    int capacity();

    /**
     * {@return whether this session uses segmentation offloads with the system (see
     * {@link SessionOptions}); fixed when the session starts, and still answered after close}
     *
     * @since 1.1
     */
    default boolean offloadsActive() {
        return false;
    }

    /** {@return {@code false} once the session was closed or ended by the adapter} */
    boolean isOpen();

    /**
     * Takes the next received packet without waiting ({@code WintunReceivePacket}).
     *
     * @return the packet, or {@code null} when the ring is empty
     * @throws WintunException {@code ERROR_HANDLE_EOF} when closed, {@code ERROR_INVALID_DATA} when corrupt
     * @throws IllegalStateException while the receive side is claimed
     */
    Packet receivePacket();

    /**
     * Takes the next received packet, waiting up to {@code timeout} for one; how it waits (a
     * short spin while traffic is heavy, then the read event) is stated once, in the class
     * description.
     *
     * @param timeout the longest wait; 0 means do not wait
     * @param unit    its unit
     * @return the packet, or {@code null} when none arrived in time
     * @throws WintunException      as {@link #receivePacket()}, including when closed while waiting
     * @throws InterruptedException when the thread is interrupted while waiting
     * @throws IllegalArgumentException when the timeout is negative
     * @throws IllegalStateException while the receive side is claimed
     */
    Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * Receives up to {@code max} packets without waiting and hands each to {@code handler} in
     * place, releasing it as soon as the handler returns: no packet objects, no copies. This is
     * the receive of choice for a thread that handles each packet at once (forwarding, parsing,
     * copying out); a packet it must keep needs {@link #receivePacket()} instead, which hands
     * over a packet the caller releases. The two names keep the two release rules apart.
     *
     * <p>A packet whose handler throws is released all the same (it was handed over), and the
     * exception ends the call; the packets after it stay in the ring. An error met after the
     * first packet ends the call normally and is reported by the next call, so that the packets
     * already handed over are never lost. The handler may use this session, receive included.
     * This method holds the session's receive lock for the whole call, so a slow handler holds up
     * the other receiving threads (and a claim of the receive side waits for it); a
     * {@link Receiver} holds no lock.
     *
     * @param handler takes each packet; see {@link PacketHandler} for what it may keep
     * @param max     the most packets to take, {@code >= 0}
     * @return how many packets were handed over, 0 when the ring is empty
     * @throws NullPointerException     when the handler is null
     * @throws IllegalArgumentException when {@code max} is negative
     * @throws IllegalStateException    while the receive side is claimed
     * @throws WintunException          as {@link #receivePacket()}, when no packet was handed over
     */
    int receiveEach(PacketHandler handler, int max);

    /**
     * Waits until a receive would not report an empty ring (a packet is waiting, or the session
     * ended). Wake-ups may be spurious: always receive, and wait again on {@code null}.
     *
     * @param timeout the longest wait
     * @param unit    its unit
     * @return {@code true} when the ring seemed readable, {@code false} on timeout
     * @throws InterruptedException when the thread is interrupted while waiting
     * @throws IllegalArgumentException when the timeout is negative
     */
    boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * Releases a received packet ({@code WintunReleaseReceivePacket}).
     *
     * @param packet a packet received from this session and not yet released
     * @throws IllegalArgumentException when the packet belongs to another session or was allocated for sending
     * @throws IllegalStateException    when it was already released, or while the receive side is claimed
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session was closed
     */
    void releaseReceivePacket(Packet packet);

    /**
     * Reserves a packet in the send ring ({@code WintunAllocateSendPacket}).
     *
     * @param size the packet size, 1..{@link WintunConstants#MAX_IP_PACKET_SIZE}
     * @return the packet to fill, or {@code null} when the send ring is full
     * @throws IllegalArgumentException when the size is out of range
     * @throws IllegalStateException    while the send side is claimed
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session ended
     */
    Packet allocateSendPacket(int size);

    /**
     * Sends an allocated packet ({@code WintunSendPacket}); it reaches the adapter once every
     * packet allocated before it was sent or closed.
     *
     * @param packet a packet allocated by this session and not yet sent
     * @throws IllegalArgumentException when the packet belongs to another session or was received
     * @throws IllegalStateException    when it was already sent or closed, or while the send side is claimed
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session was closed
     */
    void sendPacket(Packet packet);

    /**
     * Allocates, fills and sends a packet in one call: copies the bytes of {@code packet} from its
     * position to its limit into the send ring (the buffer's position does not move). Packets
     * reach the adapter in allocation order with those allocated by
     * {@link #allocateSendPacket(int)}. For a packet that already exists in some buffer this is
     * the cheapest send: no packet object is made.
     *
     * @param packet the packet's bytes, 1..{@link WintunConstants#MAX_IP_PACKET_SIZE} of them
     *               remaining
     * @return {@code true} when sent; {@code false} when the send ring is full (nothing was sent)
     * @throws NullPointerException     when the buffer is null
     * @throws IllegalArgumentException when it has no bytes remaining, or more than 0xFFFF
     * @throws IllegalStateException    while the send side is claimed
     * @throws WintunException          {@code ERROR_HANDLE_EOF} when the session ended
     */
    boolean sendCopy(ByteBuffer packet);

    /**
     * Claims the receive side for the calling thread until the receiver is closed. Waits for a
     * call of the session's receive methods in progress on another thread to end.
     *
     * @return the receiver
     * @throws IllegalStateException when the receive side is already claimed, or when called from a
     *                               handler of this session's {@link #receiveEach}
     * @throws WintunException       {@code ERROR_HANDLE_EOF} when the session was closed
     */
    Receiver claimReceiver();

    /**
     * Claims the send side for the calling thread until the sender is closed. Waits for a call
     * of the session's send methods in progress on another thread to end.
     *
     * @return the sender
     * @throws IllegalStateException when the send side is already claimed
     * @throws WintunException       {@code ERROR_HANDLE_EOF} when the session was closed
     */
    Sender claimSender();

    /**
     * Ends the session ({@code WintunEndSession}). Idempotent; never throws. Blocked receivers
     * wake at once with {@code ERROR_HANDLE_EOF}.
     */
    @Override
    void close();
}
