// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of a {@link PacketCapture}: how much of each packet to keep, when to stop, and how
 * often to write to the file. Immutable.
 *
 * @param snapLength    the most bytes kept of each packet, 1..65535; the rest is counted in the
 *                      packet's original length but not written (65535 keeps whole packets)
 * @param maxBytes      stop once the file would grow beyond this many bytes, headers included;
 *                      0 for no limit
 * @param maxPackets    stop after this many packets; 0 for no limit
 * @param flushInterval the longest time a packet waits in memory before it is written, checked
 *                      when the next packet is recorded (so a quiet capture writes on
 *                      {@link PacketCapture#flush()} or {@link PacketCapture#close()});
 *                      {@link Duration#ZERO} writes every packet at once
 */
public record CaptureOptions(int snapLength, long maxBytes, long maxPackets, Duration flushInterval) {

    /** The largest snap length: an IP packet in a Wintun ring is at most 65535 bytes. */
    public static final int MAX_SNAP_LENGTH = 0xFFFF;
    /** The default size limit, 100 MiB. */
    public static final long DEFAULT_MAX_BYTES = 100L << 20;
    /** The default flush interval, one second. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException when a bound is out of range
     * @throws NullPointerException     when the flush interval is null
     */
    public CaptureOptions {
        if (snapLength < 1 || snapLength > MAX_SNAP_LENGTH) {
            throw new IllegalArgumentException("snapLength must be 1.." + MAX_SNAP_LENGTH + ", got " + snapLength);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be 0 (no limit) or more, got " + maxBytes);
        }
        if (maxPackets < 0) {
            throw new IllegalArgumentException("maxPackets must be 0 (no limit) or more, got " + maxPackets);
        }
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must not be negative, got " + flushInterval);
        }
    }

    /** @return whole packets, at most {@value #DEFAULT_MAX_BYTES} bytes of file, no packet limit, written every second */
    public static CaptureOptions defaults() {
        return new CaptureOptions(MAX_SNAP_LENGTH, DEFAULT_MAX_BYTES, 0, DEFAULT_FLUSH_INTERVAL);
    }

    /**
     * @param length the snap length, 1..65535
     * @return these options with that snap length
     */
    public CaptureOptions withSnapLength(int length) {
        return new CaptureOptions(length, maxBytes, maxPackets, flushInterval);
    }

    /**
     * @param bytes the size limit; 0 for none
     * @return these options with that size limit
     */
    public CaptureOptions withMaxBytes(long bytes) {
        return new CaptureOptions(snapLength, bytes, maxPackets, flushInterval);
    }

    /**
     * @param packets the packet limit; 0 for none
     * @return these options with that packet limit
     */
    public CaptureOptions withMaxPackets(long packets) {
        return new CaptureOptions(snapLength, maxBytes, packets, flushInterval);
    }

    /**
     * @param interval the flush interval, {@code >= 0}
     * @return these options with that flush interval
     */
    public CaptureOptions withFlushInterval(Duration interval) {
        return new CaptureOptions(snapLength, maxBytes, maxPackets, interval);
    }
}
