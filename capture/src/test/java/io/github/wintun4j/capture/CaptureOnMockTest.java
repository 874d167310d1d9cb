// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.capture.testkit.Tshark;
import io.github.wintun4j.mock.MockDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every way in and out of a session is captured, on the mock, and tshark reads the file as
 * Wireshark would: interfaces, directions, addresses, checksums, snap length.
 */
class CaptureOnMockTest {

    static final InetAddress HOST = address("10.6.7.7");
    static final InetAddress PEER = address("10.6.7.8");

    @TempDir
    Path directory;

    private MockDriver driver;
    private Adapter adapter;

    @BeforeEach
    void adapter() {
        driver = new MockDriver();
        adapter = driver.createAdapter("Cap0", "Example", null);
        adapter.addAddress(HOST, 24);
    }

    @AfterEach
    void close() {
        adapter.close();
        driver.close();
    }

    @Test
    void everyReceiveAndSendIsCapturedWithItsDirection() throws Exception {
        Path file = directory.resolve("all.pcapng");
        try (PacketCapture capture = PacketCapture.toFile(file);
             Session session = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), adapter.name())) {
            // Packet objects: allocate + send, receive + release (the mock's host answers each request).
            Packet out = session.allocateSendPacket(request(1).length);
            out.buffer().put(request(1));
            session.sendPacket(out);
            try (Packet in = session.receivePacket(1, TimeUnit.SECONDS)) {
                assertThat(in).isNotNull();
            }
            // Copy send, in-place receive.
            assertThat(session.sendCopy(ByteBuffer.wrap(request(2)))).isTrue();
            assertThat(session.receiveEach(packet -> { }, 8)).isEqualTo(1);
            // Non-blocking receive, released through the session.
            assertThat(session.sendCopy(ByteBuffer.wrap(request(3)))).isTrue();
            session.releaseReceivePacket(session.receivePacket());
            // The claimed sides.
            try (Sender sender = session.claimSender(); Receiver receiver = session.claimReceiver()) {
                assertThat(sender.sendCopy(ByteBuffer.wrap(request(4)))).isTrue();
                assertThat(receiver.receiveEach(packet -> { }, 8)).isEqualTo(1);
                Packet claimed = sender.allocateSendPacket(request(5).length);
                claimed.buffer().put(request(5));
                sender.sendPacket(claimed);
                receiver.releaseReceivePacket(receiver.receivePacket());
            }
            assertThat(capture.packets()).isEqualTo(10);
        }

        Tshark tshark = Tshark.require();
        List<List<String>> frames = tshark.read(file);
        assertThat(frames).hasSize(10);
        // if_tsresol 9: the nanosecond timestamps read as now (with the default microseconds they would be ~1000x off).
        String first = tshark.run(List.of("-r", file.toString(), "-T", "fields", "-e", "frame.time_epoch", "-c", "1"))
                .out().trim();
        assertThat(Double.parseDouble(first)).isCloseTo(System.currentTimeMillis() / 1000.0,
                org.assertj.core.api.Assertions.within(600.0));
        for (int i = 0; i < frames.size(); i++) {
            List<String> frame = frames.get(i);
            assertThat(frame).as("frame %d of %s", i, frames).isNotNull();
            boolean outbound = i % 2 == 0;
            assertThat(frame.get(0)).as("interface").isEqualTo("Cap0");
            assertThat(frame.get(1)).as("direction of frame %d", i).isEqualTo(outbound ? "0x00000002" : "0x00000001"); // epb_flags
            assertThat(frame.get(2)).as("source of frame %d in %s", i, frames).isEqualTo(outbound ? "10.6.7.8" : "10.6.7.7");
            assertThat(frame.get(3)).as("destination").isEqualTo(outbound ? "10.6.7.7" : "10.6.7.8");
            assertThat(frame.get(5)).as("ICMP type").isEqualTo(outbound ? "8" : "0");
            assertThat(frame.get(6)).as("IP checksum status (1 = good)").isEqualTo("1");
            assertThat(frame.get(7)).as("ICMP checksum status (1 = good)").isEqualTo("1");
        }
    }

    @Test
    void aSendThatFailsIsTakenBack() throws Exception {
        Path file = directory.resolve("failed.pcapng");
        try (Adapter second = driver.createAdapter("Cap1", "Example", null);
             Session foreign = second.startSession(WintunConstants.MIN_RING_CAPACITY);
             PacketCapture capture = PacketCapture.toFile(file);
             Session session = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), "Cap0")) {
            Packet packet = session.allocateSendPacket(request(1).length);
            packet.buffer().put(request(1));
            session.sendPacket(packet);
            assertThatIllegalStateException().isThrownBy(() -> session.sendPacket(packet)); // sent already
            Packet other = foreign.allocateSendPacket(request(2).length);
            other.buffer().put(request(2));
            assertThatIllegalArgumentException().isThrownBy(() -> session.sendPacket(other)); // another session's
            other.close();
            assertThat(capture.packets()).isEqualTo(1);
        }
        assertThat(Tshark.require().countFrames(file)).isEqualTo(1);
    }

    @Test
    void theSnapLengthCutsPacketsAndKeepsTheirLength() throws Exception {
        Path file = directory.resolve("snap.pcapng");
        byte[] big = EchoPacketBuilder.request().source(PEER).destination(HOST).payload(new byte[1000]).toByteArray();
        try (PacketCapture capture = PacketCapture.toFile(file, CaptureOptions.defaults().withSnapLength(64));
             Session session = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), "Cap0")) {
            assertThat(session.sendCopy(ByteBuffer.wrap(big))).isTrue();
        }
        List<List<String>> frames = Tshark.require().read(file);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).subList(8, 10)).containsExactly("64", String.valueOf(big.length));
    }

    @Test
    void thePacketLimitStopsTheCaptureNotTheSession() throws Exception {
        Path file = directory.resolve("limit.pcapng");
        try (PacketCapture capture = PacketCapture.toFile(file, CaptureOptions.defaults().withMaxPackets(3));
             Session session = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), "Cap0")) {
            for (int i = 0; i < 5; i++) {
                assertThat(session.sendCopy(ByteBuffer.wrap(request(i)))).isTrue();
                try (Packet reply = session.receivePacket()) {
                    assertThat(reply).isNotNull();
                }
            }
            assertThat(capture.state()).isEqualTo(CaptureState.LIMIT_REACHED);
            assertThat(capture.packets()).isEqualTo(3);
        }
        assertThat(Tshark.require().countFrames(file)).isEqualTo(3);
    }

    @Test
    void theSizeLimitCountsTheWholeFile() throws Exception {
        Path file = directory.resolve("size.pcapng");
        try (PacketCapture capture = PacketCapture.toFile(file, CaptureOptions.defaults().withMaxBytes(400));
             Session session = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), "Cap0")) {
            for (int i = 0; i < 10; i++) {
                session.sendCopy(ByteBuffer.wrap(request(i)));
                session.receiveEach(packet -> { }, 1);
            }
            assertThat(capture.state()).isEqualTo(CaptureState.LIMIT_REACHED);
        }
        assertThat(java.nio.file.Files.size(file)).isLessThanOrEqualTo(400);
        assertThat(Tshark.require().countFrames(file)).isGreaterThan(0);
    }

    @Test
    void twoAdaptersAreTwoInterfaces() throws Exception {
        Path file = directory.resolve("two.pcapng");
        try (Adapter second = driver.createAdapter("Cap1", "Example", null)) {
            second.addAddress(address("10.6.8.7"), 24);
            try (PacketCapture capture = PacketCapture.toFile(file);
                 Session one = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), "Cap0");
                 Session two = capture.wrap(second.startSession(WintunConstants.MIN_RING_CAPACITY), "Cap1")) {
                one.sendCopy(ByteBuffer.wrap(request(1)));
                two.sendCopy(ByteBuffer.wrap(EchoPacketBuilder.request().source(address("10.6.8.8"))
                        .destination(address("10.6.8.7")).toByteArray()));
            }
        }
        List<String> names = new ArrayList<>();
        Tshark.require().read(file).forEach(frame -> names.add(frame.get(0)));
        assertThat(names).containsExactly("Cap0", "Cap1");
    }

    static byte[] request(int sequence) {
        return EchoPacketBuilder.request().source(PEER).destination(HOST).sequence(sequence).toByteArray();
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
