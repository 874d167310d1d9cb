// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/** The levels of the Wintun logger, with their {@code WINTUN_LOGGER_LEVEL} values. Immutable. */
public enum WintunLogLevel {
    /** {@code WINTUN_LOG_INFO}, printed by the example program with {@code +}. */
    INFO(WintunConstants.LOG_INFO, '+'),
    /** {@code WINTUN_LOG_WARN}, printed with {@code -}. */
    WARN(WintunConstants.LOG_WARN, '-'),
    /** {@code WINTUN_LOG_ERR}, printed with {@code !}. */
    ERR(WintunConstants.LOG_ERR, '!');

    private final int value;
    private final char symbol;

    WintunLogLevel(int value, char symbol) {
        this.value = value;
        this.symbol = symbol;
    }

    /** {@return the {@code WINTUN_LOGGER_LEVEL} value} */
    public int value() {
        return value;
    }

    /** {@return the one-character marker the Wintun example program prints for this level} */
    public char symbol() {
        return symbol;
    }

    /**
     * {@return its level; unknown values are reported as {@link #ERR} so that nothing is lost}
     *
     * @param value a {@code WINTUN_LOGGER_LEVEL} value
     */
    public static WintunLogLevel fromValue(int value) {
        switch (value) {
            case WintunConstants.LOG_INFO: return INFO;
            case WintunConstants.LOG_WARN: return WARN;
            default: return ERR;
        }
    }
}
