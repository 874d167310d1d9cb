// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.wintun4j.demo.DemoLines.ECHO_REPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The port of example.c on the mock backend, through the public API only. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExampleTunnelTest {

    private final StringWriter output = new StringWriter();
    private final ConsoleLogger log = new ConsoleLogger(new PrintWriter(output));
    private WintunDriver driver;

    @BeforeEach
    void openMock() {
        driver = Wintun.open("mock");
        driver.setLogger(WintunLogger.off()); // until the demo installs its own
    }

    @AfterEach
    void closeMock() {
        driver.close();
    }

    @Test
    void stopsCleanlyAfterTheRequestedEchoRepliesAndRemovesTheAdapter() throws Exception {
        ExampleTunnel tunnel = new ExampleTunnel(driver, true, log, DemoOptions.example().withReplyLimit(2));

        tunnel.run();

        List<String> messages = DemoLines.messages(output.toString());
        assertThat(DemoLines.withPrefix(messages, "Received")).containsExactly(ECHO_REPLY, ECHO_REPLY);
        assertThat(messages).containsSubsequence(
                "Wintun library loaded",
                "Wintun v0.14 loaded",
                "Launching threads and mangling packets...",
                EchoSender.SENDING_LINE, ECHO_REPLY, ECHO_REPLY,
                "Cleaning up and shutting down...");
        assertThat(DemoLines.withPrefix(messages, "Sending")).hasSizeGreaterThanOrEqualTo(2)
                .containsOnly(EchoSender.SENDING_LINE);
        assertThat(tunnel.echoReplies()).isEqualTo(2);
        assertAdapterGone();
    }

    @Test
    void saysSoWhenTheBackendIsAnEmulation() throws Exception {
        new ExampleTunnel(driver, true, log, DemoOptions.example().withReplyLimit(1)).run();

        assertThat(output.toString()).contains(
                " [-] Backend mock emulates Wintun in memory: no real adapter is created,");
    }

    @Test
    void runsWithTheAdapterNameAndAddressesOfItsOptions() throws Exception {
        DemoOptions options = DemoOptions.example().withReplyLimit(1).withAdapterName("Tunnel 9")
                .withAddresses(ipv4(192, 168, 9, 1), 24, ipv4(192, 168, 9, 2));

        new ExampleTunnel(driver, false, log, options).run();

        List<String> messages = DemoLines.messages(output.toString());
        assertThat(messages).noneMatch(message -> message.contains("emulates"))
                .anyMatch(message -> message.startsWith("Creating adapter \"Tunnel 9\""))
                .contains("Sending IPv4 ICMP echo request to 192.168.9.2 from 192.168.9.1",
                        "Received IPv4 ICMP echo reply from 192.168.9.1 to 192.168.9.2");
    }

    @Test
    void stopFromAnotherThreadIsTheCtrlCHandler() throws Exception {
        ExampleTunnel tunnel = new ExampleTunnel(driver, true, log, DemoOptions.example());
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                tunnel.run();
            } catch (DemoFailure e) {
                throw new AssertionError(e);
            }
        });
        while (tunnel.echoReplies() < 1) {
            assertThat(running).isNotDone();
            Thread.sleep(10);
        }

        tunnel.stop();
        tunnel.stop();
        running.get(5, TimeUnit.SECONDS);

        List<String> messages = DemoLines.messages(output.toString());
        assertThat(DemoLines.withPrefix(messages, "Cleaning up")).hasSize(1);
        assertAdapterGone();
    }

    @Test
    void stopBeforeRunMeansRunDoesNothing() throws Exception {
        ExampleTunnel tunnel = new ExampleTunnel(driver, true, log, DemoOptions.example());

        tunnel.stop();
        tunnel.run();

        assertThat(DemoLines.messages(output.toString())).containsExactly("Cleaning up and shutting down...");
        assertAdapterGone();
    }

    @Test
    void aFailedStepIsNamedAndEverythingIsCleanedUp() {
        ExampleTunnel tunnel = new ExampleTunnel(driver, true, log, DemoOptions.example().withCapacity(12345));

        assertThatThrownBy(tunnel::run)
                .isInstanceOf(DemoFailure.class)
                .hasMessageStartingWith("Failed to start session: ")
                .hasMessageNotContaining("\n");
        assertAdapterGone();
    }

    @Test
    void anAdapterCreationThatFailsIsReported() {
        // An adapter with a name of 127 units cannot be renamed "<name> 1" (Wintun's NciSetAdapterName), so
        // creating a second one of that name fails with ERROR_BUFFER_OVERFLOW.
        String longest = "D".repeat(127);
        try (Adapter squatter = driver.createAdapter(longest, "Example", null)) {
            ExampleTunnel tunnel = new ExampleTunnel(driver, true, log,
                    DemoOptions.example().withAdapterName(longest).withReplyLimit(1));

            assertThatThrownBy(tunnel::run)
                    .isInstanceOf(DemoFailure.class)
                    .hasMessageStartingWith("Failed to create adapter: ")
                    .hasMessageContaining("ERROR_BUFFER_OVERFLOW");
            assertThat(squatter.isOpen()).isTrue();
            assertThat(squatter.name()).isEqualTo(longest);
        }
        assertAdapterGone();
    }

    @Test
    void stopsByItselfWhenNobodyCanReadTheLogAnyMore() throws Exception {
        Writer closedAfterTheFirstReply = new Writer() {
            private final StringBuilder seen = new StringBuilder();

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                if (seen.indexOf(ECHO_REPLY) >= 0) {
                    throw new IOException("Broken pipe");
                }
                seen.append(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ExampleTunnel tunnel = new ExampleTunnel(driver, true, new ConsoleLogger(new PrintWriter(closedAfterTheFirstReply)),
                DemoOptions.example());

        tunnel.run();

        assertAdapterGone();
    }

    @Test
    void runsOnce() throws Exception {
        ExampleTunnel tunnel = new ExampleTunnel(driver, true, log, DemoOptions.example().withReplyLimit(1));
        tunnel.run();

        assertThatThrownBy(tunnel::run).isInstanceOf(IllegalStateException.class);
    }

    private static java.net.Inet4Address ipv4(int a, int b, int c, int d) throws java.net.UnknownHostException {
        return (java.net.Inet4Address) java.net.InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    private void assertAdapterGone() {
        assertThatThrownBy(() -> driver.openAdapter(DemoOptions.EXAMPLE_ADAPTER_NAME))
                .isInstanceOfSatisfying(WintunException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_FOUND));
    }
}
