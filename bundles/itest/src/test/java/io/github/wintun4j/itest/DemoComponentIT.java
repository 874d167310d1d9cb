package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.wintun4j.demo.DemoOutcome;
import io.github.wintun4j.demo.DemoStatus;

import java.util.concurrent.TimeUnit;

import org.junit.Test;

/** The example program as a DS component, configured through Config Admin, on the mock. */
public class DemoComponentIT extends OsgiTestSupport {

    @Test
    public void exchangesEchoRequestsAndRepliesOnTheMockAndStopsAfterCount() throws Exception {
        configureDemo(DemoStatus.BACKEND, "mock", DemoStatus.COUNT, 3);

        DemoOutcome outcome = service(DemoStatus.class).outcome().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertTrue("failed: " + outcome, outcome.isClean());
        assertEquals("mock", outcome.backend());
        assertEquals(3, outcome.echoReplies());
        assertEquals("no run goes on after the count", "", service(DemoStatus.class).runningBackend());
    }

    @Test
    public void takesTheAdapterAndAddressesFromItsConfiguration() throws Exception {
        configureDemo(DemoStatus.BACKEND, "mock", DemoStatus.COUNT, 1, DemoStatus.ADAPTER_NAME, "Configured",
                DemoStatus.ADDRESS, "192.168.77.1/24", DemoStatus.PEER_ADDRESS, "192.168.77.2");

        DemoOutcome outcome = service(DemoStatus.class).outcome().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertTrue("failed: " + outcome, outcome.isClean());
        assertEquals("the mock's host answers the configured address", 1, outcome.echoReplies());
    }

    @Test
    public void aBadConfigurationIsOneClearFailure() throws Exception {
        configureDemo(DemoStatus.BACKEND, "mock", DemoStatus.ADDRESS, "10.6.7.300/24");

        DemoOutcome outcome = service(DemoStatus.class).outcome().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertFalse(outcome.isClean());
        String message = outcome.failure().orElseThrow().getMessage();
        assertTrue(message, message.startsWith("Bad configuration of io.github.wintun4j.demo: address '10.6.7.300'"));
    }

    @Test
    public void waitsForANamedBackendThatIsNotThere() throws Exception {
        configureDemo(DemoStatus.BACKEND, "ffm-not-here");

        DemoStatus status = service(DemoStatus.class);
        Thread.sleep(300);

        assertEquals("", status.runningBackend());
        assertFalse(status.outcome().toCompletableFuture().isDone());
    }
}
