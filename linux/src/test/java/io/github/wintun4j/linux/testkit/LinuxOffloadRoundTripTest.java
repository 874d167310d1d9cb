// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.ip.InternetChecksum;
import io.github.wintun4j.linux.OffloadPackets;
import io.github.wintun4j.linux.RealDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segmentation offloads through the Linux kernel, inside the test's own network namespace: bulk
 * TCP whose 64 KiB packets the session cuts up and whose reflected segments it merges again, and
 * UDP segmentation offload (USO) forwarded by the kernel from one session's device to another's.
 * Nothing is addressed outside the namespace.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
public abstract class LinuxOffloadRoundTripTest extends RealDriverTest {

    /** Bytes the TCP client sends; the server sends each back. */
    private static final long TCP_BYTES = 100L * 1024 * 1024;
    private static final int PORT = 7411;
    /** A device MTU at which the kernel's 64 KiB TCP packets must be cut up. */
    private static final int MTU = 1500;

    /**
     * A TCP client connects to 10.6.7.8 through the device; the test's reflector rewrites each
     * packet (10.6.7.7 and 10.6.9.8 trade places, and 10.6.7.8 and 10.6.9.7) and sends it back, so
     * that the kernel delivers the connection to a server on 10.6.9.7, whose echo takes the mirror
     * path. 100 MB go each way; every packet the reflector receives must have valid checksums and
     * be at most the MTU, and the bytes back must be the bytes sent.
     */
    /**
     * What {@code wintun4j backends} says of this backend, told from the kernel's version without a
     * device, is what a session takes from this kernel, and the adapter's description names it.
     */
    @Test
    void theBackendsReportOfOffloadsIsWhatASessionTakes() {
        Adapter adapter = driver.createAdapter(RealDevices.uniqueName("ofr"), "Offload", null);
        List<String> reported = backend().sessionOffloads();
        assertThat(adapter.toString()).doesNotContain("offloads");
        try (Session session = adapter.startSession(0x20000)) {
            assertThat(session.offloadsActive()).isTrue();
            assertThat(reported).startsWith("checksum", "TSO");
            assertThat(adapter.toString()).contains("session with offloads on (" + String.join(", ", reported) + ")");
        }
    }

    @Test
    void a100MegabyteTcpEchoThroughAReflectingSessionComesBackIntact() throws Exception {
        Adapter adapter = driver.createAdapter(RealDevices.uniqueName("tso"), "Offload", null);
        adapter.setMtu(MTU);
        adapter.addAddress(InetAddress.getByName("10.6.7.7"), 24);
        adapter.addAddress(InetAddress.getByName("10.6.9.7"), 24);
        Session session = adapter.startSession(0x800000);
        assertThat(session.offloadsActive()).as("offloads on this kernel").isTrue();

        Reflector reflector = new Reflector(session);
        Thread reflecting = new Thread(reflector, "tcp-reflector");
        reflecting.setDaemon(true);
        reflecting.start();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("10.6.9.7"), PORT));
            Thread echo = new Thread(() -> echoOne(server), "tcp-echo");
            echo.setDaemon(true);
            echo.start();
            try (Socket client = new Socket()) {
                client.bind(new InetSocketAddress(InetAddress.getByName("10.6.7.7"), 0));
                client.connect(new InetSocketAddress(InetAddress.getByName("10.6.7.8"), PORT), 10_000);
                client.setSoTimeout(30_000);
                AtomicReference<byte[]> sentDigest = new AtomicReference<>();
                AtomicReference<Throwable> writeFailure = new AtomicReference<>();
                Thread writer = new Thread(() -> {
                    try {
                        sentDigest.set(writeBytes(client.getOutputStream()));
                        client.shutdownOutput();
                    } catch (Throwable e) {
                        writeFailure.set(e);
                    }
                }, "tcp-writer");
                writer.start();
                byte[] receivedDigest = readBytes(client.getInputStream());
                writer.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(writeFailure.get()).as("the writer's failure").isNull();
                assertThat(receivedDigest).as("SHA-256 of the bytes back").isEqualTo(sentDigest.get());
            }
        } finally {
            reflector.stop();
            reflecting.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(reflector.failure.get()).as("the reflector's failure").isNull();
        assertThat(reflector.badChecksums.get()).as("packets received with a bad checksum").isZero();
        assertThat(reflector.oversized.get()).as("packets received larger than the MTU").isZero();
        assertThat(RealDevices.segmentedReads(adapter)).as("64 KiB packets from the kernel, cut up").isPositive();
        assertThat(RealDevices.mergedWrites(adapter)).as("writes that merged reflected segments").isPositive();
        assertThat(RealDevices.malformedOffloadReads(adapter)).isZero();
    }

    /**
     * Session A sends UDP datagrams of one flow from 10.6.10.8 to 10.6.11.8; it merges them into
     * USO writes, the kernel forwards those (unsplit) to device B, and session B cuts them up
     * again: B must receive every datagram, in order, with its payload and valid checksums.
     */
    @Test
    void udpSegmentationOffloadForwardedBetweenTwoSessionsIsCutIntoValidDatagrams() throws Exception {
        Files.writeString(Path.of("/proc/sys/net/ipv4/ip_forward"), "1");
        Adapter a = driver.createAdapter(RealDevices.uniqueName("usa"), "Offload", null);
        Adapter b = driver.createAdapter(RealDevices.uniqueName("usb"), "Offload", null);
        a.setMtu(MTU);
        b.setMtu(MTU);
        a.addAddress(InetAddress.getByName("10.6.10.7"), 24);
        b.addAddress(InetAddress.getByName("10.6.11.7"), 24);
        Session sa = a.startSession(0x400000);
        Session sb = b.startSession(0x400000);
        assertThat(sa.offloadsActive()).isTrue();
        assertThat(sb.offloadsActive()).isTrue();
        byte[] source = InetAddress.getByName("10.6.10.8").getAddress();
        byte[] destination = InetAddress.getByName("10.6.11.8").getAddress();

        int rounds = 50;
        int perRound = 20;
        int total = rounds * perRound;
        // B receives while A sends, as a tunnel does: what B's session has not read waits in the
        // kernel's queue for B, which holds 500 packets (README, "packets nobody receives").
        List<byte[]> received = new ArrayList<>();
        int[] badCount = new int[1];
        CompletableFuture<Void> receiving = CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try {
                while (received.size() < total && System.nanoTime() < deadline) {
                    var packet = sb.receivePacket(1, TimeUnit.SECONDS);
                    if (packet == null) {
                        continue;
                    }
                    try (packet) {
                        ByteBuffer bytes = packet.buffer();
                        if ((bytes.get(0) & 0xF0) != 0x40 || bytes.get(9) != 17) {
                            continue;   // not the test's datagrams
                        }
                        if (!OffloadPackets.checksumsValid(bytes)) {
                            badCount[0]++;
                        }
                        assertThat(bytes.remaining()).isLessThanOrEqualTo(MTU);
                        received.add(OffloadPackets.bytes(bytes.duplicate().position(28)));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<byte[]> sent = new ArrayList<>();
        int id = 1;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < perRound; i++) {
                // the last datagram of a round is short: it ends the USO batch
                byte[] payload = OffloadPackets.payload(i == perRound - 1 ? 300 : 1200, sent.size());
                ByteBuffer datagram = udp(source, destination, id++, payload);
                sent.add(payload);
                assertThat(sa.sendCopy(datagram)).isTrue();
            }
        }
        receiving.get(60, TimeUnit.SECONDS);
        int bad = badCount[0];
        assertThat(bad).as("datagrams with a bad checksum").isZero();
        assertThat(received).as("the payloads, in order").containsExactlyElementsOf(sent);
        assertThat(RealDevices.mergedWrites(a)).as("USO writes on A").isPositive();
        assertThat(RealDevices.segmentedReads(b)).as("USO reads on B, cut up").isPositive();
        assertThat(RealDevices.malformedOffloadReads(b)).isZero();
    }

    private static ByteBuffer udp(byte[] source, byte[] destination, int id, byte[] payload) {
        int length = 28 + payload.length;
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) id).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(source).put(destination)
                .putShort((short) 40000).putShort((short) 9).putShort((short) (8 + payload.length)).putShort((short) 0)
                .put(payload).flip();
        b.putShort(10, (short) InternetChecksum.checksum(b, 0, 20));
        int checksum = OffloadPackets.transportChecksum(b, false, 20);
        b.putShort(26, (short) (checksum == 0 ? 0xFFFF : checksum));
        return b;
    }

    private static void echoOne(ServerSocket server) {
        try (Socket peer = server.accept()) {
            InputStream in = peer.getInputStream();
            OutputStream out = peer.getOutputStream();
            byte[] chunk = new byte[256 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                out.write(chunk, 0, n);
            }
            peer.shutdownOutput();
        } catch (Exception e) {
            // the client sees the short echo and its digest fails
        }
    }

    private static byte[] writeBytes(OutputStream out) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(13);
        byte[] chunk = new byte[200_000];
        long left = TCP_BYTES;
        while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            random.nextBytes(chunk);
            out.write(chunk, 0, n);
            digest.update(chunk, 0, n);
            left -= n;
        }
        out.flush();
        return digest.digest();
    }

    private static byte[] readBytes(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[256 * 1024];
        int n;
        long total = 0;
        while ((n = in.read(chunk)) > 0) {
            digest.update(chunk, 0, n);
            total += n;
        }
        assertThat(total).as("bytes echoed").isEqualTo(TCP_BYTES);
        return digest.digest();
    }

    /**
     * Receives every packet, checks its checksums and size, trades the addresses 10.6.7.7 and
     * 10.6.9.8, and 10.6.7.8 and 10.6.9.7, recomputes the checksums and sends it back. Other
     * packets (IPv6 router solicitations) are dropped.
     */
    private static final class Reflector implements Runnable {
        private final Session session;
        private final AtomicLong badChecksums = new AtomicLong();
        private final AtomicLong oversized = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final ByteBuffer copy = ByteBuffer.allocate(65_535);
        private volatile boolean stopping;

        Reflector(Session session) {
            this.session = session;
        }

        void stop() {
            stopping = true;
        }

        @Override
        public void run() {
            try {
                while (!stopping) {
                    if (session.awaitReadable(100, TimeUnit.MILLISECONDS)) {
                        session.receiveEach(this::reflect, 64);
                    }
                }
            } catch (Throwable e) {
                if (!stopping) {
                    failure.set(e);
                }
            }
        }

        private void reflect(ByteBuffer packet) {
            if (packet.remaining() < 40 || (packet.get(packet.position()) & 0xF0) != 0x40
                    || packet.get(packet.position() + 9) != 6) {
                return;
            }
            if (!OffloadPackets.checksumsValid(packet)) {
                badChecksums.incrementAndGet();
            }
            if (packet.remaining() > MTU) {
                oversized.incrementAndGet();
            }
            ByteBuffer b = copy.clear();
            b.put(packet.duplicate()).flip();
            int ipLength = (b.get(0) & 0x0F) * 4;
            b.put(12 + 3, swapped(b, 12));
            b.put(12 + 2, thirdOf(b, 12));
            b.put(16 + 3, swapped(b, 16));
            b.put(16 + 2, thirdOf(b, 16));
            b.putShort(10, (short) 0);
            b.putShort(10, (short) InternetChecksum.checksum(b, 0, ipLength));
            b.putShort(ipLength + 16, (short) 0);
            b.putShort(ipLength + 16, (short) OffloadPackets.transportChecksum(b, false, ipLength));
            while (!session.sendCopy(b)) {
                Thread.onSpinWait();    // the send ring is full: the session's writer drains it
            }
        }

        // 10.6.7.7 <-> 10.6.9.8 and 10.6.7.8 <-> 10.6.9.7: the third byte 7 <-> 9, the fourth 7 <-> 8
        private static byte thirdOf(ByteBuffer b, int at) {
            byte third = b.get(at + 2);
            return third == 7 ? 9 : third == 9 ? 7 : third;
        }

        private static byte swapped(ByteBuffer b, int at) {
            byte third = b.get(at + 2);
            byte fourth = b.get(at + 3);
            if (third != 7 && third != 9) {
                return fourth;
            }
            return fourth == 7 ? 8 : fourth == 8 ? 7 : fourth;
        }
    }
}
