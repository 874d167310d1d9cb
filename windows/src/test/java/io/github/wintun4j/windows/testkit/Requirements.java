// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** What a test needs from the machine: skipped with the reason where it is missing, failed in CI ({@code CI=true}). */
public final class Requirements {

    private Requirements() {
    }

    /** Skips the test, or fails it in CI, because {@code reason}. */
    public static void missing(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " (CI=true: required here)");
        }
        Assumptions.abort(reason);
    }
}
