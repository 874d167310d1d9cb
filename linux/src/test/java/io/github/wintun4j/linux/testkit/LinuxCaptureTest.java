// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.capture.PacketCapture;
import io.github.wintun4j.capture.testkit.Tshark;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.RealDevices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture of a session on a real TUN device (in the test's own network namespace): what it
 * recorded is what the kernel counted on the device, and tshark reads it. Packets the application
 * sends are the device's received packets, and the kernel's answers its transmitted ones. Each
 * Linux backend runs it with its binding.
 */
public abstract class LinuxCaptureTest {

    private static final int PINGS = 20;
    /** Columns of /proc/net/dev after the device name (linux net/core/net-procfs.c, dev_seq_printf_stats). */
    private static final int RX_PACKETS = 1;
    private static final int TX_PACKETS = 9;

    @TempDir
    Path directory;

    /** @return the backend under test */
    protected abstract LinuxBackend backend();

    @BeforeAll
    static void requireAnIsolatedNetwork() {
        RealDevices.requireIsolatedNetwork();
    }

    @Test
    void theCaptureMatchesTheKernelsCounters() throws Exception {
        Tshark tshark = Tshark.require();
        Path file = directory.resolve("tun.pcapng");
        InetAddress host = InetAddress.getByName("10.6.7.7");
        InetAddress peer = InetAddress.getByName("10.6.7.8");
        long rx;
        long tx;
        long captured;
        try (RealDevices devices = RealDevices.open(backend())) {
            WintunDriver driver = devices.driver();
            driver.setLogger(WintunLogger.off());
            try (Adapter adapter = driver.createAdapter(RealDevices.uniqueName("cap"), "Capture", null)) {
                adapter.addAddress(host, 24);
                try (PacketCapture capture = PacketCapture.toFile(file);
                     Session session = capture.wrap(adapter.startSession(0x400000), adapter.name())) {
                    long rxBefore = counter(adapter.name(), RX_PACKETS);
                    long txBefore = counter(adapter.name(), TX_PACKETS);
                    int replies = 0;
                    for (int sequence = 1; sequence <= PINGS; sequence++) {
                        byte[] request = EchoPacketBuilder.request().source(peer).destination(host)
                                .identifier(0x4A17).sequence(sequence).toByteArray();
                        assertThat(session.sendCopy(ByteBuffer.wrap(request))).isTrue();
                        try (Packet reply = session.receivePacket(5, TimeUnit.SECONDS)) {
                            replies += reply != null ? 1 : 0;
                        }
                    }
                    assertThat(replies).isEqualTo(PINGS);
                    // Whatever else the kernel sends in the meantime is captured and counted too.
                    Packet extra;
                    while ((extra = session.receivePacket(200, TimeUnit.MILLISECONDS)) != null) {
                        extra.close();
                    }
                    rx = counter(adapter.name(), RX_PACKETS) - rxBefore;
                    tx = counter(adapter.name(), TX_PACKETS) - txBefore;
                    captured = capture.packets();
                }
            }
        }
        assertThat(rx).as("packets the application sent, as the device received them").isEqualTo(PINGS);
        assertThat(captured).isEqualTo(rx + tx);
        List<List<String>> frames = tshark.read(file);
        assertThat(frames.stream().filter(frame -> frame.get(1).equals("0x00000002")).count()).isEqualTo(rx);
        assertThat(frames.stream().filter(frame -> frame.get(1).equals("0x00000001")).count()).isEqualTo(tx);
        assertThat(frames).allSatisfy(frame -> assertThat(frame.get(6)).as("IP checksum status").isEqualTo("1"));
    }

    /**
     * The device's counter as the kernel keeps it (the counters of
     * {@code /sys/class/net/<dev>/statistics}), read from {@code /proc/net/dev}: {@code /proc/net}
     * follows the reading process into its network namespace, whereas {@code /sys} shows the
     * namespace it was mounted in, which is not the test's.
     *
     * @param field the column after the name: 1 received packets, 9 transmitted packets
     */
    private static long counter(String device, int field) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(device)) {
                return Long.parseLong(line.substring(colon + 1).trim().split("\\s+")[field]);
            }
        }
        throw new AssertionError("no device " + device + " in /proc/net/dev");
    }
}
