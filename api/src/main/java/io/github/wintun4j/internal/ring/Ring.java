// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.internal.Arguments;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One Wintun ring: {@code uint32 Head}, {@code uint32 Tail} and {@code int32 Alertable}, then
 * {@code Capacity + 0x10000} bytes of data. Each packet is a little-endian {@code uint32 Size}
 * followed by its bytes, starts 4-byte aligned and takes {@code (4 + Size + 3) & ~3} bytes; offsets
 * wrap modulo the capacity only between packets, so the trailing 0x10000 bytes let the last packet
 * run past the end unsplit. One 4-byte unit always stays free, so at most {@code Capacity - 4}
 * bytes hold packets. Those rules are the driver's, exactly.
 *
 * <p>One deliberate difference from the driver's memory: the driver packs the three counters into
 * the first 12 bytes; here each has its own 128 bytes ({@link #HEAD_OFFSET}, {@link #TAIL_OFFSET},
 * {@link #ALERTABLE_OFFSET}), and the data starts at {@link #HEADER_SIZE}. Head is written by the
 * consumer's core and Tail by the producer's for every packet: in one cache line they bounce
 * between the cores on every packet, which cost two thirds of the throughput when measured
 * (benchmarks/RESULTS.md). No native code reads these rings (the Windows backend uses the
 * driver's own), so nothing depends on the packed layout.
 *
 * <p>A ring has one {@link RingWriter} (the producer: the driver for the receive ring, the
 * application for the send ring) and one {@link RingReader} (the consumer). Head is written only
 * by the reader, Tail only by the writer; {@code Alertable} counts the readers waiting for the
 * writer's signal, as in the driver, so that a writer signals only when somebody waits.
 *
 * <p>Thread-safe. {@link #terminate()} ends the ring for both ends, as the driver does when the
 * adapter goes away.
 */
public final class Ring {

    /** Where Head (the consumer's position) lives in {@link #memory()}. */
    public static final int HEAD_OFFSET = 0;
    /** Where Tail (the producer's published position) lives: a cache line pair away from Head. */
    public static final int TAIL_OFFSET = 128;
    /** Where Alertable (the count of waiting readers) lives. */
    public static final int ALERTABLE_OFFSET = 256;
    /** Bytes before the data: Head, Tail, Alertable, each in its own 128 bytes. */
    public static final int HEADER_SIZE = 384;
    /** Bytes after {@code Capacity} that let the last packet run past the end. */
    public static final int TRAILER_SIZE = 0x10000;
    /** The size of a packet's length prefix. */
    public static final int SIZE_PREFIX = 4;

    private static final VarHandle INT =
            MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int capacity;
    private final int mask;
    private final ByteBuffer memory;
    private final ReadSignal signal;
    private volatile boolean terminated;

    /**
     * Allocates a ring of {@code HEADER_SIZE + capacity + 0x10000} bytes of direct memory, Head = Tail = 0.
     *
     * @param capacity a power of two in [MIN_RING_CAPACITY, MAX_RING_CAPACITY]
     * @throws IllegalArgumentException otherwise
     */
    public Ring(int capacity) {
        this.capacity = Arguments.requireRingCapacity(capacity);
        this.mask = capacity - 1;
        this.memory = ByteBuffer.allocateDirect(HEADER_SIZE + capacity + TRAILER_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        this.signal = new ReadSignal(this);
    }

    /**
     * @param packetSize a packet size in bytes
     * @return the bytes it takes in the ring: {@code (4 + size + 3) & ~3}
     */
    public static int recordSize(int packetSize) {
        return (SIZE_PREFIX + packetSize + 3) & ~3;
    }

    /** @return the capacity in bytes */
    public int capacity() {
        return capacity;
    }

    /**
     * The whole ring, header included, little-endian. For backends that hand the ring to native
     * code and for fault injection; the ring's own users go through the reader and writer.
     *
     * @return the ring memory (shared, not a copy)
     */
    public ByteBuffer memory() {
        return memory;
    }

    /** @return the signal readers wait on and the writer raises */
    public ReadSignal signal() {
        return signal;
    }

    /**
     * Ends the ring: every later receive and allocate of either end fails with
     * {@code ERROR_HANDLE_EOF}, and waiting readers wake up.
     */
    public void terminate() {
        terminated = true;
        signal.wakeAll();
    }

    /** @return whether {@link #terminate()} was called */
    public boolean isTerminated() {
        return terminated;
    }

    int wrap(int offset) {
        return offset & mask;
    }

    /** @return {@code capacity - 1}: positions are taken modulo the capacity with it */
    int mask() {
        return mask;
    }

    /** Acquire read: the space before Head is free for the writer once it sees the new value. */
    int head() {
        return (int) INT.getAcquire(memory, HEAD_OFFSET);
    }

    /** Release write: the reader is done with every byte before {@code head}. */
    void publishHead(int head) {
        INT.setRelease(memory, HEAD_OFFSET, head);
    }

    /** Acquire read: every record before Tail is completely written. */
    int tail() {
        return (int) INT.getAcquire(memory, TAIL_OFFSET);
    }

    /**
     * Release write (no fence: a plain store on x86), then wakes the waiting readers, if any. The
     * Alertable read that follows is not ordered after the Tail store, so a reader that starts to
     * wait at this very moment may miss both; {@link ReadSignal} covers that window with a short
     * first wait. A full fence here would cost more than the rest of a send (measured).
     */
    void publishTail(int tail) {
        INT.setRelease(memory, TAIL_OFFSET, tail);
        signal.signal();
    }

    /**
     * Whether a reader waits for this ring's signal now (Alertable is not zero). A driver that fills
     * the ring only on demand polls its source only then.
     *
     * @return whether some reader is waiting
     */
    public boolean hasWaitingReaders() {
        return alertable() != 0;
    }

    /**
     * Sets what each reader runs when it starts to wait, after it marked the ring alertable (a full
     * fence) and before it checks the ring a last time: a driver that fills the ring only on demand
     * wakes its poller there. Run on the reader's thread, under the signal's monitor: it must be
     * short and must not throw.
     *
     * @param listener the listener, or {@code null} for none
     */
    public void onReaderWaiting(Runnable listener) {
        signal.onWait(listener);
    }

    int alertable() {
        return (int) INT.getOpaque(memory, ALERTABLE_OFFSET);
    }

    /** Full fence (an atomic add): the reader's Alertable store is ordered before its last Tail check. */
    void addAlertable(int delta) {
        INT.getAndAdd(memory, ALERTABLE_OFFSET, delta);
    }

    int sizeAt(int position) {
        return memory.getInt(HEADER_SIZE + position);
    }

    void putSizeAt(int position, int size) {
        memory.putInt(HEADER_SIZE + position, size);
    }

    /** @return the absolute memory index of the bytes of the record at {@code position} */
    int dataIndex(int position) {
        return HEADER_SIZE + position + SIZE_PREFIX;
    }

    static int maxPacketSize() {
        return WintunConstants.MAX_IP_PACKET_SIZE;
    }
}
