// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.demo.DemoStatus;

import org.junit.Test;

/**
 * Swapping the backend under a running consumer, the demo component, without restarting anything:
 * by Config Admin (its backend property, or DS's {@code driver.target} filter) and by ranking. The
 * old backend's session ends cleanly: its adapter is removed and its driver given back.
 */
public class BackendSwapIT extends OsgiTestSupport {

    @Test
    public void aConfigurationChangeMovesTheRunningDemoToAnotherBackend() throws Exception {
        SecondBackend second = SecondBackend.register(context, "second", -50, false);
        configureDemo(DemoStatus.BACKEND, "second");
        DemoStatus status = service(DemoStatus.class);
        eventually("the demo runs on second", () -> "second".equals(status.runningBackend()) && status.echoReplies() >= 1);
        assertEquals(1, second.handedOut().size());
        assertEquals(java.util.List.of("Demo"), second.handedOut().get(0).adapterNames());

        configureDemo(DemoStatus.BACKEND, "mock");

        eventually("the demo runs on the mock", () -> "mock".equals(status.runningBackend()) && status.echoReplies() >= 1);
        assertEquals("the old driver was given back", second.handedOut(), second.givenBack());
        assertEquals("its adapter was removed", java.util.List.of(), second.handedOut().get(0).adapterNames());
        assertFalse("a swap is no end", status.outcome().toCompletableFuture().isDone());
    }

    @Test
    public void aTargetFilterInTheConfigurationSelectsTheBackend() throws Exception {
        SecondBackend second = SecondBackend.register(context, "second", -500, false);

        configureDemo("driver.target", "(" + WintunServiceProperties.BACKEND + "=second)");

        DemoStatus status = service(DemoStatus.class);
        eventually("the demo runs on second although the mock ranks higher",
                () -> "second".equals(status.runningBackend()) && status.echoReplies() >= 1);
        assertEquals(1, second.handedOut().size());
    }

    @Test
    public void withoutABackendNamedItFollowsTheHighestRankedDriver() throws Exception {
        configureDemo(DemoStatus.BACKEND, "");
        DemoStatus status = service(DemoStatus.class);
        eventually("the demo runs", () -> !status.runningBackend().isEmpty());
        String before = status.runningBackend();

        SecondBackend top = SecondBackend.register(context, "top", 1000, true);
        eventually("the demo moved to the highest-ranked driver",
                () -> "top".equals(status.runningBackend()) && status.echoReplies() >= 1);

        top.unregister();
        eventually("the demo is back on " + before, () -> before.equals(status.runningBackend()));
        assertEquals(top.handedOut(), top.givenBack());
        assertTrue(top.handedOut().get(0).adapterNames().isEmpty());
        assertFalse(status.outcome().toCompletableFuture().isDone());
    }
}
