// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import java.util.Objects;
import java.util.Optional;

/**
 * How a run of the demo component ended. Immutable.
 *
 * @param backend     the backend it ran on, or {@code ""} when it never started
 * @param echoReplies the IPv4 echo replies it received
 * @param failure     the step that failed, or empty after a clean end (the reply limit reached,
 *                    or stopped as on Ctrl-C)
 */
public record DemoOutcome(String backend, int echoReplies, Optional<DemoFailure> failure) {

    /** Checks the components are present. */
    public DemoOutcome {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(failure, "failure");
    }

    /** @return whether it ended without a failure */
    public boolean isClean() {
        return failure.isEmpty();
    }
}
