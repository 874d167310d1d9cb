// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.ip.EchoPacketBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

/**
 * One ICMP echo through a real Linux TUN device and the kernel, per operation: the application
 * allocates and sends an echo request to the adapter's own address, the kernel answers, the
 * application receives and releases the reply. Both sides claimed, one thread. With
 * {@code -prof gc} it shows what a packet allocates on a native backend, the session's packet
 * pumps included (JMH counts every thread of the process).
 *
 * <p>Needs root and a network namespace of its own, so that nothing leaves the machine:
 * {@code unshare --net java -jar benchmarks.jar KernelEchoBenchmark -prof gc}. The forked JVMs
 * inherit the namespace.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class KernelEchoBenchmark {

    /** The adapter's address, which the kernel answers for. */
    private static final String LOCAL = "10.77.0.1";
    /** The peer the application pretends to be; routed into the adapter by its /24. */
    private static final String PEER = "10.77.0.2";

    /** A native backend with one adapter and session in this namespace; this thread claims both sides. */
    @State(Scope.Thread)
    public static class Tunnel {
        @Param({"ffm", "jna"})
        public String backend;

        WintunDriver driver;
        Adapter adapter;
        Session session;
        Receiver receiver;
        Sender sender;
        byte[] request;

        @Setup(Level.Trial)
        public void open() throws UnknownHostException {
            driver = Wintun.open(backend);
            driver.setLogger(WintunLogger.off());
            adapter = driver.createAdapter("wt4jbench", "Benchmark", null);
            adapter.addAddress(InetAddress.getByName(LOCAL), 24);
            session = adapter.startSession(WintunConstants.EXAMPLE_RING_CAPACITY);
            receiver = session.claimReceiver();
            sender = session.claimSender();
            request = EchoPacketBuilder.request().source(InetAddress.getByName(PEER))
                    .destination(InetAddress.getByName(LOCAL)).identifier(7).sequence(1)
                    .payload(new byte[36]).toByteArray();
        }

        @TearDown(Level.Trial)
        public void close() {
            receiver.close();
            sender.close();
            session.close();
            adapter.close();
            driver.close();
        }
    }

    @Benchmark
    public int echo(Tunnel tunnel) throws InterruptedException {
        Packet request = tunnel.sender.allocateSendPacket(tunnel.request.length);
        request.buffer().put(0, tunnel.request);
        tunnel.sender.sendPacket(request);
        Packet reply;
        do {
            // Other traffic of the new interface (IPv6 router solicitations) may come first.
            reply = tunnel.receiver.receivePacket(1, TimeUnit.SECONDS);
            if (reply == null) {
                throw new IllegalStateException("no echo reply within a second");
            }
            int version = reply.buffer().get(0) >> 4;
            if (version == 4) {
                int sample = ConsumerWork.sample(reply.buffer());
                tunnel.receiver.releaseReceivePacket(reply);
                return sample;
            }
            tunnel.receiver.releaseReceivePacket(reply);
        } while (true);
    }
}
