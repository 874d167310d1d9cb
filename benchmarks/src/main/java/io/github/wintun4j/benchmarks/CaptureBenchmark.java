// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.capture.CaptureOptions;
import io.github.wintun4j.capture.CaptureState;
import io.github.wintun4j.capture.PacketCapture;
import io.github.wintun4j.mock.MockCollector;
import io.github.wintun4j.mock.MockDriver;
import io.github.wintun4j.mock.MockInjector;
import io.github.wintun4j.mock.MockNetwork;
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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a capture costs a forwarding loop on the mock, on one thread: the network delivers a
 * packet, the application receives it in place on its claimed receiver and sends it back by copy
 * on its claimed sender, the network takes it. One operation is one packet in and one out, both
 * captured when {@code capture} is {@code on}. The capture writes whole pcapng blocks to
 * {@code /dev/null} (no size or packet limit), so the figure is the capture's own work (copy
 * into its buffer, the lock per packet, the block headers, the write calls), not a disk's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class CaptureBenchmark {

    /** Whether the session is wrapped by a capture. */
    @Param({"off", "on"})
    public String capture;

    /** The packet size in bytes. */
    @Param({"64", "1500"})
    public int size;

    private MockDriver driver;
    private Adapter adapter;
    private Session session;
    private PacketCapture packetCapture;
    private Receiver receiver;
    private Sender sender;
    private MockInjector injector;
    private MockCollector collector;
    private ByteBuffer packet;
    private PacketHandler forward;
    private final Consumer<ByteBuffer> sink = buffer -> sample = buffer.get(buffer.position());
    private int sample;

    @Setup(Level.Trial)
    public void open() throws IOException {
        driver = new MockDriver();
        driver.setLogger(WintunLogger.off());
        adapter = driver.createAdapter("wintun4j-bench", "Benchmark", null);
        Session raw = adapter.startSession(MockSessionState.CAPACITY);
        if (capture.equals("on")) {
            packetCapture = PacketCapture.toChannel(
                    FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE), "/dev/null",
                    CaptureOptions.defaults().withMaxBytes(0));
            session = packetCapture.wrap(raw, adapter.name());
        } else {
            session = raw;
        }
        MockNetwork network = driver.network(adapter);
        network.clearResponders();
        injector = network.claimInbound();
        collector = network.claimOutbound();
        receiver = session.claimReceiver();
        sender = session.claimSender();
        packet = ByteBuffer.wrap(SamplePacket.udp(size)).asReadOnlyBuffer();
        forward = sender::sendCopy;
    }

    @Benchmark
    public int forward() {
        injector.deliver(packet);
        receiver.receiveEach(forward, 1);
        collector.drain(sink, 1);
        return sample;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (packetCapture != null && packetCapture.state() != CaptureState.CAPTURING) {
            throw new IllegalStateException("the capture stopped during the run: " + packetCapture);
        }
        receiver.close();
        sender.close();
        injector.close();
        collector.close();
        session.close();
        if (packetCapture != null) {
            packetCapture.close();
        }
        adapter.close();
        driver.close();
    }
}
