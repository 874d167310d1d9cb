// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.karaf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The features repository in a real Apache Karaf ({@code target/karaf}, unpacked by the build) on
 * Java 17, as an administrator uses it: {@code feature:repo-add} of the published {@code mvn:}
 * URL, {@code feature:install}, and the demo configured and moved between backends with
 * {@code config:edit}. Karaf runs as a child of this JVM, which failsafe starts in a network
 * namespace of its own, so the JNA backend's TUN device and the kernel's echo replies stay there.
 *
 * <p>The steps build on each other, in order, on one Karaf.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafFeaturesIT {

    /** Bounds each step; a step normally takes a few seconds. */
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String DEMO_PID = "io.github.wintun4j.demo";
    private static final String ADAPTER = "KarafDemo";

    private KarafServer karaf;
    /** The steps that passed so far: a step after a failed one is skipped, rather than waiting out its bounds. */
    private int stepsPassed;

    @BeforeAll
    void startKaraf() throws IOException {
        String netnsError = System.getenv("WINTUN4J_NETNS_ERROR");
        if (netnsError != null || System.getenv("WINTUN4J_NETNS") == null) {
            missing(netnsError != null ? netnsError : "not started in a network namespace of its own (failsafe's java wrapper)");
        }
        Path javaHome = KarafJava.find().orElse(null);
        if (javaHome == null) {
            missing("no Java 17 or 21 to run Karaf 4.4 on (it does not start on 24 and later): install one under"
                    + " /usr/lib/jvm or set JAVA_HOME_17_X64");
        }
        karaf = KarafServer.start(Path.of(System.getProperty("wintun4j.karaf.home")), javaHome,
                Path.of(System.getProperty("wintun4j.karaf.repository")));
    }

    @AfterAll
    void stopKaraf() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void theJnaFeatureRegistersTheJnaDriver() throws Exception {
        afterStep(0);
        karaf.run("feature:repo-add mvn:io.github.wintun4j/wintun4j-features/" + System.getProperty("wintun4j.version")
                + "/xml/features", STEP);

        karaf.run("feature:install wintun4j-jna wintun4j-shell", STEP);

        karaf.await("service:list io.github.wintun4j.WintunDriver", out -> out.contains("wintun4j.backend = jna"),
                "a WintunDriver service of the JNA backend", STEP);
        // echo (...): a batch session prints what a command prints, not the value it returns.
        karaf.await("echo (wintun:backends)", out -> out.lines().anyMatch(line -> line.matches("jna\\s+native\\s.*")),
                "wintun:backends lists jna as native", STEP);
        stepsPassed = 1;
    }

    @Test
    @Order(2)
    void theDemoOnJnaGetsTheKernelsEchoReplies() throws Exception {
        afterStep(1);
        karaf.run("feature:install wintun4j-mock wintun4j-demo", STEP);

        configureDemo("jna", "10.6.9");

        karaf.awaitConsole("Received IPv4 ICMP echo reply from 10.6.9.7 to 10.6.9.8", STEP);
        assertTrue(deviceExists(ADAPTER), "the demo's TUN device is in the namespace");
        stepsPassed = 2;
    }

    @Test
    @Order(3)
    void configEditMovesTheDemoToTheMockAndBack() throws Exception {
        afterStep(2);
        configureDemo("mock", "10.6.10");

        karaf.awaitConsole("Received IPv4 ICMP echo reply from 10.6.10.7 to 10.6.10.8", STEP);
        awaitDeviceGone(ADAPTER);

        configureDemo("jna", "10.6.11");

        karaf.awaitConsole("Received IPv4 ICMP echo reply from 10.6.11.7 to 10.6.11.8", STEP);
        assertTrue(deviceExists(ADAPTER), "the demo is back on a real device");
        stepsPassed = 3;
    }

    /** Points the demo at {@code backend}, with the adapter at {@code <net>.7/24} pinged from {@code <net>.8}. */
    private void configureDemo(String backend, String net) throws Exception {
        karaf.run(String.join("\n",
                "config:edit " + DEMO_PID,
                "config:property-set backend " + backend,
                "config:property-set adapterName " + ADAPTER,
                "config:property-set address " + net + ".7/24",
                "config:property-set peerAddress " + net + ".8",
                "config:update"), STEP);
    }

    /** The interfaces of this JVM's network namespace, which Karaf shares. */
    private static boolean deviceExists(String name) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/net/dev")).stream().anyMatch(line -> line.trim().startsWith(name + ":"));
    }

    /** Swapping away from JNA ends its session and removes its adapter: the kernel's device goes. */
    private void awaitDeviceGone(String name) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (deviceExists(name)) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("the JNA adapter " + name + " was not removed within " + STEP + karaf.diagnostics());
            }
            Thread.sleep(100);
        }
    }

    private void afterStep(int step) {
        Assumptions.assumeTrue(stepsPassed == step, "step " + step + " did not pass");
    }

    /** Skips, or fails when {@code CI=true}, because {@code reason}. */
    private static void missing(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " (CI=true: required here)");
        }
        Assumptions.abort(reason);
    }
}
