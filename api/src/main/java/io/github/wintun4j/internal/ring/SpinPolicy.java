// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

/**
 * When a waiting receiver spins before it sleeps: only while traffic is heavy, as wireguard-go
 * does with Wintun (it spins at most 12.5 microseconds, and only above 800 Mbit/s). Spinning
 * saves the wake-up of a thread (tens of microseconds) when the next packet is that close; when
 * it is not, spinning only burns a core, so an idle or quiet session never spins.
 *
 * <p>The rate is the bytes received between two moments the ring was found empty, over the time
 * between them. Not thread-safe on purpose: the counters are hints, and a lost update from two
 * receiving threads at once only makes one decision less precise.
 */
public final class SpinPolicy {

    /**
     * The longest spin before a wait, while traffic is heavy: wireguard-go's figure for Wintun,
     * 12.5 microseconds ({@code tun/tun_windows.go}: {@code spinloopDuration}).
     */
    public static final long SPIN_NANOS = 12_500;

    /** 800 Mbit/s, in bits per nanosecond. */
    private static final double HEAVY_BITS_PER_NANO = 0.8;

    private long bytesSinceEmpty;
    private long lastEmptyNanos;

    /** A packet of {@code size} bytes was received by a waiting receive. */
    public void received(int size) {
        bytesSinceEmpty += size;
    }

    /**
     * The ring was found empty at {@code now}.
     *
     * @return whether traffic since the last time was heavy enough to spin
     */
    public boolean shouldSpin(long now) {
        long elapsed = now - lastEmptyNanos;
        boolean heavy = elapsed > 0 && bytesSinceEmpty * 8.0 >= HEAVY_BITS_PER_NANO * elapsed;
        lastEmptyNanos = now;
        bytesSinceEmpty = 0;
        return heavy;
    }
}
