// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import io.github.wintun4j.WintunConstants;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * {@code --capacity}: a ring capacity in bytes, decimal or hexadecimal ({@code 0x400000}),
 * checked up front against wintun.h's rule (a power of two from {@code WINTUN_MIN_RING_CAPACITY}
 * to {@code WINTUN_MAX_RING_CAPACITY}) so that a typo is a usage error, not a failed session.
 */
final class CapacityConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        long bytes;
        try {
            bytes = trimmed.startsWith("0x") ? Long.parseLong(trimmed.substring(2), 16) : Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number of bytes (decimal, or hexadecimal with 0x)");
        }
        if (bytes < WintunConstants.MIN_RING_CAPACITY || bytes > WintunConstants.MAX_RING_CAPACITY
                || Long.bitCount(bytes) != 1) {
            throw new TypeConversionException("'" + text + "' is not a power of two from 0x"
                    + Integer.toHexString(WintunConstants.MIN_RING_CAPACITY) + " (128 KiB) to 0x"
                    + Integer.toHexString(WintunConstants.MAX_RING_CAPACITY) + " (64 MiB)");
        }
        return (int) bytes;
    }
}
