// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Assertions on the errors of the API: a {@link WintunException} with an exact Windows code, and
 * the message that a standard exception must carry. Stateless.
 */
final class WintunAssertions {

    private WintunAssertions() {
    }

    /**
     * @param code the expected Windows error code
     * @param call the call that must fail
     * @return the exception, for further checks
     */
    static WintunException assertWintunError(int code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown)
                .as("expected WintunException %s (%d)", WintunErrors.nameOf(code), code)
                .isInstanceOf(WintunException.class);
        WintunException error = (WintunException) thrown;
        assertThat(error.errorCode())
                .as("error code of: %s", error.getMessage())
                .isEqualTo(code);
        assertThat(error.getMessage()).as("message of the WintunException").contains(WintunErrors.nameOf(code));
        return error;
    }

    /**
     * @param thrown a throwable from a call that must have ended with {@code code}
     * @param code   the expected Windows error code
     */
    static void assertWintunError(Throwable thrown, int code) {
        assertWintunError(code, () -> {
            throw thrown;
        });
    }

    /**
     * The exact message of an argument check of the SPI ({@code io.github.wintun4j.internal.Arguments}):
     * every backend must report the same misuse with the same message, so the kit asks the shared
     * check what it says rather than copying the text.
     *
     * @param check a call of {@code Arguments} that throws
     * @return the message it throws with
     */
    static String messageOf(ThrowingCallable check) {
        Throwable thrown = catchThrowable(check);
        if (thrown == null) {
            throw new IllegalStateException("the reference check did not throw");
        }
        return thrown.getMessage();
    }
}
