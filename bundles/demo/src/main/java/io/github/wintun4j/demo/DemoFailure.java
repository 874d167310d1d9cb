// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import java.util.Objects;

/**
 * A step of the demo failed. The message names the step as example.c's {@code LogError} prefix
 * does ({@code "Failed to create adapter"}, {@code "Packet read failed"}, ...) followed by what
 * went wrong, on one line: {@code Failed to create adapter: WintunCreateAdapter failed:
 * ERROR_ALREADY_EXISTS (183): ...}.
 */
public final class DemoFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String step;

    /**
     * @param step  what failed, such as {@code "Failed to start session"}
     * @param cause why
     */
    public DemoFailure(String step, Throwable cause) {
        super(Objects.requireNonNull(step, "step") + ": " + describe(Objects.requireNonNull(cause, "cause")), cause);
        this.step = step;
    }

    /** @return what failed, without the reason */
    public String step() {
        return step;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.toString() : message.replace('\n', ' ');
    }
}
