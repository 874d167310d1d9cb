// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/**
 * The numeric limits of the Wintun API, with the names they have in {@code wintun.h} (0.14).
 *
 * <p>Constants only; thread-safe by construction.
 */
public final class WintunConstants {

    /** wintun.h: {@code WINTUN_MIN_RING_CAPACITY}, 128 KiB. */
    public static final int MIN_RING_CAPACITY = 0x20000;

    /** wintun.h: {@code WINTUN_MAX_RING_CAPACITY}, 64 MiB. */
    public static final int MAX_RING_CAPACITY = 0x4000000;

    /** wintun.h: {@code WINTUN_MAX_IP_PACKET_SIZE}; packets hold 1 to this many bytes. */
    public static final int MAX_IP_PACKET_SIZE = 0xFFFF;

    /** The longest adapter name Wintun accepts, in UTF-16 code units (longer: {@code ERROR_BUFFER_OVERFLOW}). */
    public static final int MAX_ADAPTER_NAME_LENGTH = 127;

    /** The ring capacity the Wintun example program uses, 4 MiB. */
    public static final int EXAMPLE_RING_CAPACITY = 0x400000;

    /** wintun.h: {@code WINTUN_LOG_INFO}. */
    public static final int LOG_INFO = 0;

    /** wintun.h: {@code WINTUN_LOG_WARN}. */
    public static final int LOG_WARN = 1;

    /** wintun.h: {@code WINTUN_LOG_ERR}. */
    public static final int LOG_ERR = 2;

    private WintunConstants() {
    }
}
