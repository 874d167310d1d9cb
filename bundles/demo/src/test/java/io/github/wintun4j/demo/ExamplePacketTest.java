// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.mock.MockDriver;
import io.github.wintun4j.mock.MockNetwork;
import io.github.wintun4j.mock.MockResponders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes the demo sends are example.c's {@code MakeICMP} packet, byte for byte. The demo sees
 * only the public API; this test looks at the mock's network side to see what was sent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExamplePacketTest {

    /** IPv4: 0x45, length 28, TTL 255, protocol 1, checksum 0x99c6, 10.6.7.8 -> 10.6.7.7; ICMP: type 8, checksum 0xf7ff. */
    private static final String MAKE_ICMP = "4500001c00000000ff0199c60a0607080a060707" + "0800f7ff00000000";

    @Test
    void everyRequestIsTheExamplesPacket() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        try (MockDriver mock = new MockDriver()) {
            mock.setLogger(WintunLogger.off());
            WintunDriver recording = new RecordingDriver(mock, sent);
            ConsoleLogger log = new ConsoleLogger(new PrintWriter(new StringWriter()));

            new ExampleTunnel(recording, true, log, DemoOptions.example().withReplyLimit(2)).run();
        }

        assertThat(sent).hasSizeGreaterThanOrEqualTo(2).containsOnly(MAKE_ICMP);
    }

    /** Passes everything to the mock; on adapter creation, records the packets its network side sees. */
    private static final class RecordingDriver implements WintunDriver {
        private final MockDriver mock;
        private final List<String> sent;

        RecordingDriver(MockDriver mock, List<String> sent) {
            this.mock = mock;
            this.sent = sent;
        }

        @Override
        public Adapter createAdapter(String name, String tunnelType, UUID guid) {
            Adapter adapter = mock.createAdapter(name, tunnelType, guid);
            MockNetwork network = mock.network(adapter);
            network.removeResponder(MockResponders.host());
            network.addResponder((ByteBuffer packet, MockNetwork on) -> {
                byte[] bytes = new byte[packet.remaining()];
                packet.duplicate().get(bytes);
                sent.add(HexFormat.of().formatHex(bytes));
                return List.of();
            });
            network.addResponder(MockResponders.host());
            return adapter;
        }

        @Override
        public String backendName() {
            return mock.backendName();
        }

        @Override
        public Adapter openAdapter(String name) {
            return mock.openAdapter(name);
        }

        @Override
        public DriverVersion runningDriverVersion() {
            return mock.runningDriverVersion();
        }

        @Override
        public void deleteDriver() {
            mock.deleteDriver();
        }

        @Override
        public void setLogger(WintunLogger logger) {
            mock.setLogger(logger);
        }

        @Override
        public void close() {
            mock.close();
        }
    }
}
