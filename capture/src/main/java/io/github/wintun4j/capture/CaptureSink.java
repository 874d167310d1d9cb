// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The writing end of a capture: assembles whole pcapng blocks in memory and writes them to the
 * channel, so that the file always ends with a complete block unless a write itself is cut short
 * (then readers stop at the last complete block before it).
 *
 * <p>Write policy: blocks collect in a buffer, which is written when the next block does not fit,
 * when the flush interval has passed since the last write (checked as each packet is recorded),
 * on {@link #flush()} and on {@link #close()}. A failure of the channel (an {@link IOException}
 * or any runtime exception, a full disk included) ends the capture: one error is logged, the
 * channel is closed, and every later record is a no-op. The sessions never see it.
 *
 * <p>Threading: every method is thread-safe, under one lock, so that blocks of concurrent
 * receive and send threads never interleave and timestamps grow in file order.
 */
final class CaptureSink {

    /** Where the capture reports its stop: {@code System.Logger} {@value}. */
    static final String LOGGER_NAME = "io.github.wintun4j.capture";
    /** Room for a few packets of the largest size. */
    private static final int BUFFER_SIZE = 256 * 1024;

    private final System.Logger log;
    private final WritableByteChannel channel;
    private final String description;
    private final CaptureOptions options;
    private final ByteBuffer buffer = PcapngBlocks.directBuffer(BUFFER_SIZE);
    private final Map<String, Integer> interfaces = new HashMap<>();
    /** Wall-clock nanoseconds at {@link #originNanoTime}: the timestamps are monotonic from there. */
    private final long originEpochNanos;
    private final long originNanoTime;
    private final long flushIntervalNanos;

    // All guarded by this.
    private CaptureState state = CaptureState.CAPTURING;
    private long bytes;
    private long flushedBytes;
    private long packets;
    private long lastFlushNanoTime;
    private int lastBlockLength;

    CaptureSink(WritableByteChannel channel, String description, CaptureOptions options, System.Logger log)
            throws IOException {
        this.log = log;
        this.channel = channel;
        this.description = description;
        this.options = options;
        Instant now = Instant.now();
        this.originNanoTime = System.nanoTime();
        this.originEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        this.flushIntervalNanos = options.flushInterval().toNanos();
        this.lastFlushNanoTime = originNanoTime;
        ByteBuffer header = PcapngBlocks.sectionHeader("wintun4j");
        bytes = header.remaining();
        try {
            writeFully(header);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        flushedBytes = bytes;
    }

    /**
     * @return the pcapng interface id of {@code name}, adding its Interface Description Block the
     *         first time; -1 when the capture no longer records
     */
    synchronized int interfaceId(String name) {
        Integer known = interfaces.get(name);
        if (known != null || state != CaptureState.CAPTURING) {
            return known != null ? known : -1;
        }
        ByteBuffer block = PcapngBlocks.interfaceDescription(name, options.snapLength());
        if (!fits(block.remaining(), 0)) {
            return -1;
        }
        append(block.remaining());
        if (state != CaptureState.CAPTURING) {
            return -1;
        }
        int id = interfaces.size();
        interfaces.put(name, id);
        buffer.put(block);
        flushIfDue(System.nanoTime());
        return id;
    }

    /**
     * Records one packet, unless the capture stopped.
     *
     * @param packet the packet's bytes, from {@code offset}, {@code length} of them; read with
     *               absolute indexes only, so the caller's buffer does not change
     * @return a ticket for {@link #retract(long)}, or -1 when nothing was recorded
     */
    synchronized long record(int interfaceId, int flags, ByteBuffer packet, int offset, int length) {
        if (state != CaptureState.CAPTURING || interfaceId < 0) {
            return -1;
        }
        int captured = Math.min(length, options.snapLength());
        int size = PcapngBlocks.enhancedPacketSize(captured);
        if (!fits(size, 1)) {
            return -1;
        }
        long now = System.nanoTime();
        long ticket = bytes;
        append(size);
        if (state != CaptureState.CAPTURING) {
            return -1;
        }
        PcapngBlocks.enhancedPacket(buffer, interfaceId, originEpochNanos + (now - originNanoTime), flags,
                packet, offset, captured, length);
        packets++;
        flushIfDue(now);
        return ticket;
    }

    /**
     * Takes back the block of {@code ticket} when it is still the last one and not yet written:
     * the packet it recorded was not sent after all.
     */
    synchronized void retract(long ticket) {
        if (ticket >= flushedBytes && ticket + lastBlockLength == bytes && state == CaptureState.CAPTURING) {
            buffer.position(buffer.position() - lastBlockLength);
            bytes = ticket;
            packets--;
            lastBlockLength = 0;
        }
    }

    /** Writes what is buffered. */
    synchronized void flush() {
        if (state == CaptureState.CAPTURING) {
            writeBuffer(System.nanoTime());
        }
    }

    /**
     * Writes what is buffered and closes the channel; idempotent. A capture that stopped at its
     * limit or failed keeps that state (its channel is closed already).
     */
    synchronized void close() {
        if (state != CaptureState.CAPTURING) {
            return;
        }
        writeBuffer(System.nanoTime());
        if (state == CaptureState.CAPTURING) {
            state = CaptureState.CLOSED;
            try {
                channel.close();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
    }

    synchronized CaptureState state() {
        return state;
    }

    synchronized long packets() {
        return packets;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** @return whether a block of {@code size} bytes (and {@code packetCount} packets) stays in the limits; stops the capture when not */
    private boolean fits(int size, int packetCount) {
        boolean overBytes = options.maxBytes() > 0 && bytes + size > options.maxBytes();
        boolean overPackets = options.maxPackets() > 0 && packets + packetCount > options.maxPackets();
        if (!overBytes && !overPackets) {
            return true;
        }
        writeBuffer(System.nanoTime());
        if (state == CaptureState.CAPTURING) {
            state = CaptureState.LIMIT_REACHED;
            log.log(Level.INFO, () -> "Capture to " + description + " stopped at its limit ("
                    + (overBytes ? options.maxBytes() + " bytes" : options.maxPackets() + " packets")
                    + "): " + packets + " packets, " + bytes + " bytes");
            closeQuietly();
        }
        return false;
    }

    /** Makes room for a block of {@code size} bytes in the buffer. */
    private void append(int size) {
        if (buffer.remaining() < size) {
            writeBuffer(System.nanoTime());
        }
        bytes += size;
        lastBlockLength = size;
    }

    private void flushIfDue(long now) {
        if (now - lastFlushNanoTime >= flushIntervalNanos) {
            writeBuffer(now);
        }
    }

    private void writeBuffer(long now) {
        lastFlushNanoTime = now;
        if (buffer.position() == 0 || state != CaptureState.CAPTURING) {
            return;
        }
        buffer.flip();
        try {
            writeFully(buffer);
            flushedBytes = bytes;
        } catch (IOException | RuntimeException e) {
            fail(e);
        } finally {
            buffer.clear();
        }
    }

    private void writeFully(ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            channel.write(source);
        }
    }

    /** The one error a failing capture logs. */
    private void fail(Exception e) {
        state = CaptureState.FAILED;
        log.log(Level.ERROR, "Capture to " + description + " stopped: writing failed after " + packets
                + " packets; the file holds the blocks written before. The sessions go on uncaptured.", e);
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException | RuntimeException ignored) {
            // The capture has already stopped for a reason that was logged; a second one adds nothing.
        }
    }
}
