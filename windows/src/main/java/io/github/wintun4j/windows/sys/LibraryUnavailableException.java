// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

/**
 * A library cannot be opened or bound in this JVM; the message says why in words a user can act on.
 * Immutable.
 */
public final class LibraryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason why
     * @param cause  the failure behind it; may be {@code null}
     */
    public LibraryUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
