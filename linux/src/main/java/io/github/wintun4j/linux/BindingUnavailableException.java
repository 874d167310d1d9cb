// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

/**
 * A backend cannot bind the libc calls in this JVM; the message says why in words a user can act
 * on (for example the JVM flag to add). Immutable.
 */
public final class BindingUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, such as a missing {@code --enable-native-access} flag
     * @param cause  the failure behind it; may be {@code null}
     */
    public BindingUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
