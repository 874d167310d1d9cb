// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of parsing a packet: either a {@linkplain Status#VALID valid} value, or a status
 * saying why there is none and a one-line reason for logs.
 *
 * <p>Parsers in this package return a {@code ParseResult} for every input, however broken:
 * a malformed or truncated packet is an ordinary result, never an exception.
 *
 * <p>Immutable; thread-safe when the value is.
 *
 * @param <T> the parsed value's type
 */
public final class ParseResult<T> {

    /** Why a parse did or did not produce a value. */
    public enum Status {
        /** The packet is well formed; {@link #value()} holds what was read. */
        VALID,
        /** The packet ends before a header or a declared length says it should. */
        TRUNCATED,
        /** A field holds an impossible value (a header length below its minimum, for example). */
        MALFORMED,
        /** A well-formed packet, but not of the kind asked for (IPv6 when IPv4 was asked, TCP when UDP was, a fragment). */
        UNSUPPORTED
    }

    private final Status status;
    private final T value;
    private final String reason;

    private ParseResult(Status status, T value, String reason) {
        this.status = status;
        this.value = value;
        this.reason = reason;
    }

    static <T> ParseResult<T> valid(T value) {
        return new ParseResult<>(Status.VALID, Objects.requireNonNull(value, "value"), "valid");
    }

    static <T> ParseResult<T> truncated(String reason) {
        return new ParseResult<>(Status.TRUNCATED, null, reason);
    }

    static <T> ParseResult<T> malformed(String reason) {
        return new ParseResult<>(Status.MALFORMED, null, reason);
    }

    static <T> ParseResult<T> unsupported(String reason) {
        return new ParseResult<>(Status.UNSUPPORTED, null, reason);
    }

    /** Carries a failure over to another value type; must not be called on a valid result. */
    <U> ParseResult<U> failure() {
        if (status == Status.VALID) {
            throw new IllegalStateException("a valid result is not a failure");
        }
        return new ParseResult<>(status, null, reason);
    }

    /** {@return the status; {@link Status#VALID} exactly when a value is present} */
    public Status status() {
        return status;
    }

    /** {@return whether the packet was well formed and of the kind asked for} */
    public boolean isValid() {
        return status == Status.VALID;
    }

    /**
     * {@return the parsed value}
     *
     * @throws IllegalStateException when the result is not valid; the message gives the status and the reason
     */
    public T value() {
        if (status != Status.VALID) {
            throw new IllegalStateException("no value: " + this);
        }
        return value;
    }

    /** {@return the value when valid, else empty} */
    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /**
     * Transforms a valid value; a failure is passed on unchanged.
     *
     * @param mapper applied to the value when valid; must not return {@code null}
     * @param <U> the new value type
     * @return the mapped result
     */
    public <U> ParseResult<U> map(Function<? super T, ? extends U> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return status == Status.VALID ? valid(mapper.apply(value)) : failure();
    }

    /** {@return {@code "valid"} for a valid result, else why the packet was refused (one line, for logs)} */
    public String reason() {
        return reason;
    }

    /** {@return the status and reason, e.g. {@code TRUNCATED: IPv4 total length 60 > 40 bytes available}} */
    @Override
    public String toString() {
        return status == Status.VALID ? "VALID: " + value : status + ": " + reason;
    }
}
