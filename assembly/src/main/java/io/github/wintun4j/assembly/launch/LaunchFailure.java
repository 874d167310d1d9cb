// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.assembly.launch;

/** The framework could not be started as the distribution describes it; the message says why, on one line. */
final class LaunchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    LaunchFailure(String message) {
        super(message);
    }

    LaunchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
