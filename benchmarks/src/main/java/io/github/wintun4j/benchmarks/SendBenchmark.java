// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.mock.MockCollector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Application to network over the mock session: the application allocates a packet in the send
 * ring, writes the bytes and sends it ({@code produce}); the mock's network side takes it without
 * copying ({@code consume}, {@code MockNetwork.drainSent(sink, 1)}) and reads it. One operation
 * is one packet; a full or empty ring is retried, counted in {@link Spins}.
 *
 * <p>{@code oneToOne} and {@code manyToOne} use the thread-safe methods (a lock per call);
 * {@code claimedOneToOne} has each thread claim its side ({@code Session.claimSender()},
 * {@code MockNetwork.claimOutbound()}), the way a tunnel with one writing thread works, and takes
 * no lock at all.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class SendBenchmark {

    /** The network side's sink: reads each packet it is handed during the drain call. */
    @State(Scope.Thread)
    public static class Sink implements Consumer<ByteBuffer> {
        int sample;

        @Override
        public void accept(ByteBuffer packet) {
            sample = ConsumerWork.sample(packet);
        }
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public void produce(MockSessionState state, Spins spins, Control control) {
        send(state, spins, control);
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public int consume(MockSessionState state, Sink sink, Spins spins, Control control) {
        return drain(state, sink, spins, control);
    }

    /** The application's thread: its claimed sender. */
    @State(Scope.Thread)
    public static class ClaimedSend {
        Sender sender;

        @Setup(Level.Trial)
        public void claim(MockSessionState state) {
            sender = state.session.claimSender();
        }

        @TearDown(Level.Trial)
        public void giveBack() {
            sender.close();
        }
    }

    /** The network side's thread: its claimed collector. */
    @State(Scope.Thread)
    public static class ClaimedCollect {
        MockCollector collector;

        @Setup(Level.Trial)
        public void claim(MockSessionState state) {
            collector = state.network.claimOutbound();
        }

        @TearDown(Level.Trial)
        public void giveBack() {
            collector.close();
        }
    }

    @Benchmark
    @Group("claimedOneToOne")
    @GroupThreads(1)
    public void produceClaimed(MockSessionState state, ClaimedSend claimed, Spins spins, Control control) {
        Sender sender = claimed.sender;
        while (true) {
            // Filled and sent in the iteration that got it, as in ReceiveBenchmark.consumeClaimed.
            Packet packet = sender.allocateSendPacket(state.size);
            if (packet != null) {
                packet.buffer().put(0, state.packet);
                sender.sendPacket(packet);
                return;
            }
            if (control.stopMeasurement) {
                return;
            }
            spins.full++;
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("claimedOneToOne")
    @GroupThreads(1)
    public int consumeClaimed(ClaimedCollect claimed, Sink sink, Spins spins, Control control) {
        while (claimed.collector.drain(sink, 1) == 0) {
            if (control.stopMeasurement) {
                return 0;
            }
            spins.empty++;
            Thread.onSpinWait();
        }
        return sink.sample;
    }

    /** The application's thread for copy sends: its claimed sender and the packet as a buffer. */
    @State(Scope.Thread)
    public static class CopySend {
        Sender sender;
        ByteBuffer packet;

        @Setup(Level.Trial)
        public void claim(MockSessionState state) {
            sender = state.session.claimSender();
            packet = ByteBuffer.wrap(state.packet);
        }

        @TearDown(Level.Trial)
        public void giveBack() {
            sender.close();
        }
    }

    /** As {@link #produceClaimed}, with {@code Sender.sendCopy(buffer)}: one copy, no packet object. */
    @Benchmark
    @Group("claimedCopy")
    @GroupThreads(1)
    public void produceCopy(CopySend copy, Spins spins, Control control) {
        while (!copy.sender.sendCopy(copy.packet)) {
            if (control.stopMeasurement) {
                return;
            }
            spins.full++;
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("claimedCopy")
    @GroupThreads(1)
    public int consumeCopy(ClaimedCollect claimed, Sink sink, Spins spins, Control control) {
        return consumeClaimed(claimed, sink, spins, control);
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(4)
    public void produceMany(MockSessionState state, Spins spins, Control control) {
        send(state, spins, control);
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(1)
    public int consumeMany(MockSessionState state, Sink sink, Spins spins, Control control) {
        return drain(state, sink, spins, control);
    }

    private static void send(MockSessionState state, Spins spins, Control control) {
        Session session = state.session;
        Packet packet;
        while ((packet = session.allocateSendPacket(state.size)) == null) {
            if (control.stopMeasurement) {
                return;
            }
            spins.full++;
            Thread.onSpinWait();
        }
        packet.buffer().put(0, state.packet);
        session.sendPacket(packet);
    }

    private static int drain(MockSessionState state, Sink sink, Spins spins, Control control) {
        while (state.network.drainSent(sink, 1) == 0) {
            if (control.stopMeasurement) {
                return 0;
            }
            spins.empty++;
            Thread.onSpinWait();
        }
        return sink.sample;
    }
}
