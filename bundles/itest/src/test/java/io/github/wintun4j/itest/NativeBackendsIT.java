// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunServiceProperties;
import io.github.wintun4j.demo.DemoOutcome;
import io.github.wintun4j.demo.DemoStatus;

import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The FFM and JNA backends inside Felix, on real TUN devices: the framework runs in a network
 * namespace of its own (failsafe starts it through the Linux tests' java wrapper), with
 * {@code --enable-native-access=ALL-UNNAMED}.
 */
public class NativeBackendsIT extends OsgiTestSupport {

    /** Without a namespace of its own no test may create a device: skipped, or failed on CI. */
    @Before
    public void inANetworkNamespaceOfItsOwn() {
        String error = System.getenv("WINTUN4J_NETNS_ERROR");
        if (error != null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(error);
        }
        assumeTrue(error, error == null && System.getenv("WINTUN4J_NETNS") != null);
    }

    @Test
    public void bothRegisterTheirDriversAboveTheMock() throws Exception {
        ServiceReference<WintunDriver> ffm = driverReference("ffm");
        ServiceReference<WintunDriver> jna = driverReference("jna");

        assertProperty(ffm, WintunServiceProperties.NATIVE, Boolean.TRUE);
        assertProperty(ffm, Constants.SERVICE_RANKING, 20);
        assertProperty(jna, WintunServiceProperties.NATIVE, Boolean.TRUE);
        assertProperty(jna, Constants.SERVICE_RANKING, 10);
        assertTrue("FFM first", ffm.compareTo(jna) > 0 && jna.compareTo(driverReference("mock")) > 0);
    }

    @Test
    public void theDemoRunsOnFfm() throws Exception {
        runDemoOn("ffm");
    }

    @Test
    public void theDemoRunsOnJna() throws Exception {
        runDemoOn("jna");
    }

    @Test
    public void aConfigurationChangeMovesTheRunningDemoFromTheMockToFfm() throws Exception {
        configureDemo(DemoStatus.BACKEND, "mock");
        DemoStatus status = service(DemoStatus.class);
        eventually("the demo runs on the mock", () -> "mock".equals(status.runningBackend()) && status.echoReplies() >= 1);

        configureDemo(DemoStatus.BACKEND, "ffm");

        eventually("the demo runs on a real device", () -> "ffm".equals(status.runningBackend()) && status.echoReplies() >= 1);
    }

    private void runDemoOn(String backend) throws Exception {
        configureDemo(DemoStatus.BACKEND, backend, DemoStatus.COUNT, 2);

        DemoOutcome outcome = service(DemoStatus.class).outcome().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertTrue("failed: " + outcome, outcome.isClean());
        assertEquals(backend, outcome.backend());
        assertEquals("the kernel answered the echo requests", 2, outcome.echoReplies());
    }
}
