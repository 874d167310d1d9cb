// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.linux.LinuxAdapter;
import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.RealDevices;
import io.github.wintun4j.tck.NetworkSide;
import io.github.wintun4j.tck.TestPackets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * After a crash: an application ({@link CrashingApplication}, a child JVM in this test's network namespace)
 * creates a TUN device and sends through it, and is killed with {@code kill -9}. The device it created is
 * persistent, so it stays: {@code createAdapter} with its name fails with {@code ERROR_ALREADY_EXISTS} (wintun4j
 * does not take another program's interface on Linux), and {@code openAdapter} takes the device over, with a
 * session that carries traffic both ways. A backend's test names the backend.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class LinuxCrashRecoveryTest {

    private RealDevices devices;
    private WintunDriver driver;
    private Process child;
    private int leftover = -1;

    /** @return the backend under test */
    protected abstract LinuxBackend backend();

    @BeforeAll
    static void requireAnIsolatedNetwork() {
        RealDevices.requireIsolatedNetwork();
    }

    @BeforeEach
    void open() {
        devices = RealDevices.open(backend());
        driver = devices.driver();
        driver.setLogger(WintunLogger.off());
    }

    @AfterEach
    void close() {
        if (child != null) {
            child.destroyForcibly();
        }
        driver.close();
        if (leftover > 0) {
            devices.deleteInterface(leftover); // the opened adapter leaves the device, as it should
        }
        devices.close();
    }

    @Test
    void aKilledApplicationsDeviceIsTakenOverByOpenAndRefusedToCreate() throws Exception {
        String name = RealDevices.uniqueName("crash");
        child = startApplication(name);
        awaitReady(child);

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the application died").isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

        WintunException refused = catchThrowableOfType(WintunException.class,
                () -> driver.createAdapter(name, "Test", null));
        assertThat(refused.operation()).isEqualTo("WintunCreateAdapter");
        assertThat(refused.errorCode()).isEqualTo(WintunErrors.ERROR_ALREADY_EXISTS);

        Adapter adapter = driver.openAdapter(name);
        leftover = ((LinuxAdapter) adapter).interfaceIndex();
        NetworkSide network = devices.networkSide(adapter);
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            byte[] inbound = TestPackets.ipv4(1, 1, 120);
            assertThat(network.deliver(List.of(inbound))).isTrue();
            Packet received = session.receivePacket(10, TimeUnit.SECONDS);
            assertThat(received).as("a packet from the network after the takeover").isNotNull();
            assertThat(TestPackets.stampOf(received.buffer())).isEqualTo(TestPackets.stampOf(inbound));
            session.releaseReceivePacket(received);

            byte[] outbound = TestPackets.ipv4(2, 1, 140);
            Packet packet = session.allocateSendPacket(outbound.length);
            packet.buffer().put(0, outbound);
            session.sendPacket(packet);
            assertThat(takeStamped(network, outbound)).as("a packet to the network after the takeover").isTrue();
        }
    }

    /** @return whether the network side saw {@code expected} (the dead application's packets may come first) */
    private static boolean takeStamped(NetworkSide network, byte[] expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            byte[] sent = network.takeSent(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (sent != null && TestPackets.stampOf(sent).equals(TestPackets.stampOf(expected))) {
                return true;
            }
        }
        return false;
    }

    private Process startApplication(String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingApplication.class.getName(), backend().name(), name);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    /** Waits, bounded, for the child's READY line: its session runs and has sent. */
    private static void awaitReady(Process child) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(ready.get(60, TimeUnit.SECONDS)).as("the application's first line").isEqualTo(CrashingApplication.READY);
    }
}
