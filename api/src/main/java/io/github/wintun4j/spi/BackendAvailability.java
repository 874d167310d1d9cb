// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.spi;

import java.util.Objects;

/**
 * Whether a backend can run here and, when not, why. Immutable.
 *
 * @param usable whether it can run
 * @param reason why not; empty when usable
 */
public record BackendAvailability(boolean usable, String reason) {

    private static final BackendAvailability USABLE = new BackendAvailability(true, "");

    /** Checks the reason is given exactly when unusable. */
    public BackendAvailability {
        Objects.requireNonNull(reason, "reason");
        if (!usable && reason.isBlank()) {
            throw new IllegalArgumentException("an unusable backend must say why");
        }
    }

    /** {@return the answer for a backend that can run} */
    public static BackendAvailability ofUsable() {
        return USABLE;
    }

    /**
     * {@return the answer for a backend that cannot run}
     *
     * @param reason why the backend cannot run, in words a user can act on
     */
    public static BackendAvailability ofUnusable(String reason) {
        return new BackendAvailability(false, reason);
    }
}
