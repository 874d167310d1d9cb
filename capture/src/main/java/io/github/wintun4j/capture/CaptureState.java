// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

/** Where a {@link PacketCapture} stands. Only {@link #CAPTURING} records packets; the others are final. */
public enum CaptureState {
    /** Recording every packet of the wrapped sessions. */
    CAPTURING,
    /** Stopped because the next packet would pass the size or packet limit; the file is complete. */
    LIMIT_REACHED,
    /** Stopped because writing failed (a full disk, a failing channel); the file holds what was written before. */
    FAILED,
    /** Closed by the application; the file is complete. */
    CLOSED
}
