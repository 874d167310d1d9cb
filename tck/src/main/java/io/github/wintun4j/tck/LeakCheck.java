// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that passed but left a session open. Runs right after the test method, before
 * any {@code @AfterEach} (a backend's own clean-up would otherwise close the evidence), and stays
 * quiet when the test already failed: a leak is then a consequence, not news. Public only because
 * {@link WintunContractTest} names it in {@code @ExtendWith}; stateless.
 */
public final class LeakCheck implements AfterTestExecutionCallback {

    /** For JUnit. */
    public LeakCheck() {
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        Object test = context.getRequiredTestInstance();
        if (test instanceof WintunContractTest) {
            ((WintunContractTest) test).failOnLeaks();
        }
    }
}
