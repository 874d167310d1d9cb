// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.capture.testkit.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code demo --pcap FILE}: the capture shows the demo's pings as Wireshark judges them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DemoCaptureTest {

    @TempDir
    Path directory;

    @Test
    void theCaptureShowsTheEchoRequestsAndRepliesWithValidChecksums() throws Exception {
        Path file = directory.resolve("demo.pcapng");
        StringWriter output = new StringWriter();
        try (WintunDriver driver = Wintun.open("mock")) {
            driver.setLogger(WintunLogger.off());
            new ExampleTunnel(driver, true, new ConsoleLogger(new PrintWriter(output)),
                    DemoOptions.example().withReplyLimit(2).withPcap(file)).run();
        }
        assertThat(DemoLines.messages(output.toString())).contains("Capturing packets to " + file + " (pcapng)");

        List<List<String>> frames = Tshark.require().read(file);
        // Fields: interface, direction, source, destination, protocol, ICMP type, IP and ICMP checksum status.
        List<List<String>> requests = frames.stream().filter(frame -> frame.get(5).equals("8")).toList();
        List<List<String>> replies = frames.stream().filter(frame -> frame.get(5).equals("0")).toList();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2).allSatisfy(frame -> assertThat(frame.subList(0, 8))
                .containsExactly("Demo", "0x00000002", "10.6.7.8", "10.6.7.7", "1", "8", "1", "1"));
        assertThat(replies).hasSize(2).allSatisfy(frame -> assertThat(frame.subList(0, 8))
                .containsExactly("Demo", "0x00000001", "10.6.7.7", "10.6.7.8", "1", "0", "1", "1"));
    }

    @Test
    void anExistingFileStopsTheDemoBeforeTheFirstPacket() throws Exception {
        Path file = Files.writeString(directory.resolve("taken.pcapng"), "not yours");
        try (WintunDriver driver = Wintun.open("mock")) {
            driver.setLogger(WintunLogger.off());
            ExampleTunnel tunnel = new ExampleTunnel(driver, true, new ConsoleLogger(new PrintWriter(new StringWriter())),
                    DemoOptions.example().withReplyLimit(1).withPcap(file));
            assertThatThrownBy(tunnel::run).isInstanceOf(DemoFailure.class)
                    .hasMessageContaining("Failed to start the capture");
        }
        assertThat(Files.readString(file)).isEqualTo("not yours");
    }
}
