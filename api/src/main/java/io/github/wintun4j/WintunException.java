// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/**
 * A failure reported by the driver or a backend, carrying the Windows error code (see
 * {@link WintunErrors}) and the operation that failed.
 *
 * <p>"Ring empty" and "ring full" are never reported with this exception: they are ordinary
 * results ({@code null}) of {@link Session#receivePacket()} and {@link Session#allocateSendPacket(int)}.
 * Programming errors (null or out-of-range arguments, a packet used twice) are reported with the
 * standard {@link NullPointerException}, {@link IllegalArgumentException} and
 * {@link IllegalStateException}.
 *
 * <p>Immutable and thread-safe.
 */
public class WintunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The operation that failed, such as {@code "WintunStartSession"} (part of the serial form). */
    private final String operation;
    /** The Windows error code (part of the serial form). */
    private final int errorCode;

    /**
     * A failure without an underlying exception.
     *
     * @param operation the operation that failed, such as {@code "WintunStartSession"}
     * @param errorCode the Windows error code
     * @param detail    what happened, in words; may be {@code null}
     */
    public WintunException(String operation, int errorCode, String detail) {
        this(operation, errorCode, detail, null);
    }

    /**
     * A failure caused by another exception.
     *
     * @param operation the operation that failed
     * @param errorCode the Windows error code
     * @param detail    what happened, in words; may be {@code null}
     * @param cause     the underlying failure; may be {@code null}
     */
    public WintunException(String operation, int errorCode, String detail, Throwable cause) {
        super(format(operation, errorCode, detail), cause);
        this.operation = operation;
        this.errorCode = errorCode;
    }

    private static String format(String operation, int errorCode, String detail) {
        StringBuilder message = new StringBuilder();
        message.append(operation).append(" failed: ").append(WintunErrors.nameOf(errorCode))
                .append(" (").append(errorCode).append(')');
        if (detail != null && !detail.isEmpty()) {
            message.append(": ").append(detail);
        }
        return message.toString();
    }

    /** {@return the operation that failed, such as {@code "WintunOpenAdapter"}} */
    public String operation() {
        return operation;
    }

    /** {@return the Windows error code, one of {@link WintunErrors} in most cases} */
    public int errorCode() {
        return errorCode;
    }

    /**
     * {@return whether this reports the end of a session or adapter ({@code ERROR_HANDLE_EOF}): the session was closed, or the adapter went away; nothing more will arrive}
     *
     */
    public boolean isEndOfFile() {
        return errorCode == WintunErrors.ERROR_HANDLE_EOF;
    }
}
