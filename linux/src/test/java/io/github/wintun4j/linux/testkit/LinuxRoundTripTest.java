// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.ip.EchoResponder;
import io.github.wintun4j.ip.IcmpEcho;
import io.github.wintun4j.ip.UdpDatagram;
import io.github.wintun4j.ip.UdpPacketBuilder;
import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.RealDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnsupportedAddressTypeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real round trips through the Linux kernel, inside the test's own network namespace: the adapter
 * has 10.6.7.7/24 and fd00:6:7::7/64 and plays the host; the test plays the peer 10.6.7.8 /
 * fd00:6:7::8 on the other side of the session. Nothing is addressed outside the namespace.
 *
 * <ul>
 *   <li>UDP from an ordinary {@link DatagramSocket} arrives through the session, and the reply
 *       written to the session reaches the socket (IPv4 and IPv6);</li>
 *   <li>ICMP echo requests written to the session are answered by the kernel (IPv4 and ICMPv6);</li>
 *   <li>100,000 numbered datagrams arrive complete and in order in each direction when the reader
 *       keeps up (the writer keeps at most {@value #WINDOW} in flight, below the kernel's queues).</li>
 * </ul>
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class LinuxRoundTripTest {

    /** The adapter's addresses (the host) and the peer's, inside the test's namespace only. */
    protected static final InetAddress HOST_V4 = address("10.6.7.7");
    protected static final InetAddress PEER_V4 = address("10.6.7.8");
    protected static final InetAddress HOST_V6 = address("fd00:6:7::7");
    protected static final InetAddress PEER_V6 = address("fd00:6:7::8");
    /** The flood's length. */
    protected static final int FLOOD = 100_000;
    /** Datagrams in flight at most during the flood: below the TUN queue (500) and the socket buffer. */
    protected static final int WINDOW = 128;
    private static final int PEER_PORT = 7777;

    private RealDevices devices;
    private WintunDriver driver;
    private Adapter adapter;
    private Session session;

    /** @return the backend under test */
    protected abstract LinuxBackend backend();

    @BeforeAll
    static void requireAnIsolatedNetwork() {
        RealDevices.requireIsolatedNetwork();
    }

    @BeforeEach
    void createAnAdapterWithTheHostAddresses() {
        devices = RealDevices.open(backend());
        driver = devices.driver();
        driver.setLogger(WintunLogger.off());
        adapter = driver.createAdapter(RealDevices.uniqueName("rt"), "RoundTrip", null);
        adapter.addAddress(HOST_V4, 24);
        adapter.addAddress(HOST_V6, 64);
        session = adapter.startSession(0x400000);
    }

    @AfterEach
    void closeEverything() {
        if (driver != null) {
            driver.close();
        }
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void udpFromAJavaSocketArrivesThroughTheSessionAndTheReplyReachesTheSocket() throws Exception {
        udpRoundTrip(HOST_V4, PEER_V4);
    }

    @Test
    void udpOverIpv6ArrivesThroughTheSessionAndTheReplyReachesTheSocket() throws Exception {
        udpRoundTrip(HOST_V6, PEER_V6);
    }

    private void udpRoundTrip(InetAddress host, InetAddress peer) throws Exception {
        try (DatagramSocket socket = bound(host)) {
            socket.setSoTimeout(5000);
            byte[] hello = ("hello through " + adapter.name()).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(hello, hello.length, new InetSocketAddress(peer, PEER_PORT)));

            byte[] reply;
            try (Packet packet = receive()) {
                UdpDatagram datagram = UdpDatagram.parse(packet.buffer()).value();
                assertThat(datagram.ip().source()).isEqualTo(host);
                assertThat(datagram.ip().destination()).isEqualTo(peer);
                assertThat(datagram.sourcePort()).isEqualTo(socket.getLocalPort());
                assertThat(datagram.destinationPort()).isEqualTo(PEER_PORT);
                assertThat(datagram.isChecksumValid()).isTrue();
                assertThat(datagram.payloadBytes()).isEqualTo(hello);
                reply = EchoResponder.udpReply(packet.buffer()).orElseThrow();
            }
            send(reply);

            DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
            socket.receive(received);
            assertThat(received.getAddress()).isEqualTo(peer);
            assertThat(received.getPort()).isEqualTo(PEER_PORT);
            assertThat(new String(received.getData(), 0, received.getLength(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(hello, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anIcmpEchoRequestWrittenToTheSessionIsAnsweredByTheKernel() throws Exception {
        echoRoundTrip(PEER_V4, HOST_V4);
    }

    @Test
    void anIcmpv6EchoRequestWrittenToTheSessionIsAnsweredByTheKernel() throws Exception {
        echoRoundTrip(PEER_V6, HOST_V6);
    }

    private void echoRoundTrip(InetAddress from, InetAddress to) throws Exception {
        for (int sequence = 1; sequence <= 3; sequence++) {
            send(EchoPacketBuilder.request().source(from).destination(to).identifier(0x4A17).sequence(sequence)
                    .payload(("ping " + sequence).getBytes(StandardCharsets.US_ASCII)).toByteArray());
            try (Packet packet = receive()) {
                IcmpEcho reply = IcmpEcho.parse(packet.buffer()).value();
                assertThat(reply.isReply()).as("an echo reply").isTrue();
                assertThat(reply.isChecksumValid()).isTrue();
                assertThat(reply.ip().source()).isEqualTo(to);
                assertThat(reply.ip().destination()).isEqualTo(from);
                assertThat(reply.identifier()).isEqualTo(0x4A17);
                assertThat(reply.sequence()).isEqualTo(sequence);
                assertThat(new String(reply.payloadBytes(), StandardCharsets.US_ASCII)).isEqualTo("ping " + sequence);
            }
        }
    }

    @Test
    void aFloodOfNumberedDatagramsFromASocketArrivesCompleteAndInOrder() throws Exception {
        AtomicLong received = new AtomicLong();
        Thread reader = new Thread(() -> {
            try {
                while (received.get() < FLOOD) {
                    try (Packet packet = session.receivePacket(5, TimeUnit.SECONDS)) {
                        if (packet == null) {
                            return;
                        }
                        long seq = UdpDatagram.parse(packet.buffer()).value().payload().getLong();
                        if (seq != received.get()) {
                            throw new AssertionError("expected datagram " + received.get() + ", got " + seq);
                        }
                        received.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flood-reader");
        Failure failure = Failure.watch(reader);
        reader.start();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(HOST_V4, 0))) {
            InetSocketAddress peer = new InetSocketAddress(PEER_V4, PEER_PORT);
            byte[] number = new byte[8];
            for (long seq = 0; seq < FLOOD && reader.isAlive(); seq++) {
                while (seq - received.get() >= WINDOW && reader.isAlive()) {
                    Thread.onSpinWait();
                }
                ByteBuffer.wrap(number).putLong(0, seq);
                socket.send(new DatagramPacket(number, 8, peer));
            }
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        failure.rethrow();
        assertThat(received.get()).as("datagrams that arrived in order").isEqualTo(FLOOD);
        assertThat(session.receivePacket()).as("nothing else").isNull();
    }

    @Test
    void aFloodOfNumberedDatagramsWrittenToTheSessionReachesTheSocketCompleteAndInOrder() throws Exception {
        AtomicLong received = new AtomicLong();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(HOST_V4, 0))) {
            socket.setSoTimeout(5000);
            Thread reader = new Thread(() -> {
                DatagramPacket datagram = new DatagramPacket(new byte[64], 64);
                try {
                    while (received.get() < FLOOD) {
                        socket.receive(datagram);
                        long seq = ByteBuffer.wrap(datagram.getData(), 0, 8).getLong();
                        if (seq != received.get()) {
                            throw new AssertionError("expected datagram " + received.get() + ", got " + seq);
                        }
                        received.incrementAndGet();
                    }
                } catch (SocketTimeoutException e) {
                    // Reported below as a short count.
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }, "socket-reader");
            Failure failure = Failure.watch(reader);
            reader.start();
            UdpPacketBuilder builder = UdpPacketBuilder.datagram()
                    .source(PEER_V4, PEER_PORT).destination(HOST_V4, socket.getLocalPort());
            ByteBuffer number = ByteBuffer.allocate(8);
            for (long seq = 0; seq < FLOOD && reader.isAlive(); seq++) {
                while (seq - received.get() >= WINDOW && reader.isAlive()) {
                    Thread.onSpinWait();
                }
                builder.payload(number.putLong(0, seq));
                Packet packet;
                while ((packet = session.allocateSendPacket(builder.length())) == null) {
                    Thread.onSpinWait();
                }
                builder.writeTo(packet.buffer());
                session.sendPacket(packet);
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            failure.rethrow();
        }
        assertThat(received.get()).as("datagrams that reached the socket in order").isEqualTo(FLOOD);
    }

    private static DatagramSocket bound(InetAddress host) throws SocketException {
        try {
            return new DatagramSocket(new InetSocketAddress(host, 0));
        } catch (SocketException e) {
            if (e.getCause() instanceof UnsupportedAddressTypeException) {
                throw new AssertionError("this JVM has IPv6 sockets off: it started with no IPv6 address in its"
                        + " namespace (lo down); linux/src/test/netns/bin/java brings lo up first with the ip tool", e);
            }
            throw e;
        }
    }

    private Packet receive() throws InterruptedException {
        Packet packet = session.receivePacket(5, TimeUnit.SECONDS);
        assertThat(packet).as("a packet through the session within 5 s").isNotNull();
        return packet;
    }

    private void send(byte[] bytes) {
        Packet packet = session.allocateSendPacket(bytes.length);
        assertThat(packet).isNotNull();
        packet.buffer().put(0, bytes);
        session.sendPacket(packet);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The first exception of a helper thread, rethrown in the test thread. */
    private static final class Failure {
        private volatile Throwable thrown;

        static Failure watch(Thread thread) {
            Failure failure = new Failure();
            thread.setUncaughtExceptionHandler((t, e) -> failure.thrown = e);
            return failure;
        }

        void rethrow() {
            if (thrown != null) {
                throw new AssertionError("a helper thread failed: " + thrown, thrown);
            }
        }
    }
}
