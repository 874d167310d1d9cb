// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.wintun4j.demo.DemoOutcome;
import io.github.wintun4j.demo.DemoStatus;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;

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
        // What the component decides, it decides when a driver is bound: once the mock's is, and
        // nothing runs, it waits.
        long mock = (Long) driverReference("mock").getProperty(Constants.SERVICE_ID);
        ServiceComponentRuntime runtime = service(ServiceComponentRuntime.class);
        eventually("the demo component has the mock's driver bound", () -> boundDrivers(runtime).contains(mock));

        assertEquals("", status.runningBackend());
        assertFalse(status.outcome().toCompletableFuture().isDone());
    }

    /** @return the service ids of the driver services SCR bound to the demo component now */
    private Set<Long> boundDrivers(ServiceComponentRuntime runtime) {
        Set<Long> bound = new HashSet<>();
        ComponentDescriptionDTO demo = runtime.getComponentDescriptionDTO(installed("io.github.wintun4j.demo"), DemoStatus.PID);
        if (demo != null) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(demo)) {
                for (SatisfiedReferenceDTO reference : configuration.satisfiedReferences) {
                    for (ServiceReferenceDTO service : reference.boundServices) {
                        bound.add(service.id);
                    }
                }
            }
        }
        return bound;
    }
}
