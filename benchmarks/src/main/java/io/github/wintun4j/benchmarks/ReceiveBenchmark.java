// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Session;
import io.github.wintun4j.mock.MockInjector;
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

/**
 * Network to application over the mock session: the mock's network side delivers a packet
 * ({@code produce}, {@code MockNetwork.deliver} of a batch of one, which copies it into the
 * receive ring); the application receives it, reads it through {@link Packet#buffer()} and
 * releases it ({@code consume}). One operation is one packet; a full or empty ring is retried,
 * counted in {@link Spins}.
 *
 * <p>{@code oneToOne} and {@code manyToOne} use the thread-safe methods (a lock per call);
 * {@code claimedOneToOne} has each thread claim its side ({@code Session.claimReceiver()},
 * {@code MockNetwork.claimInbound()}), the way a tunnel with one reading thread works, and takes
 * no lock at all.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ReceiveBenchmark {

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public void produce(MockSessionState state, Spins spins, Control control) {
        deliver(state, spins, control);
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public int consume(MockSessionState state, Spins spins, Control control) {
        return receive(state, spins, control);
    }

    /** The application's thread: its claimed receiver. */
    @State(Scope.Thread)
    public static class ClaimedReceive {
        Receiver receiver;

        @Setup(Level.Trial)
        public void claim(MockSessionState state) {
            receiver = state.session.claimReceiver();
        }

        @TearDown(Level.Trial)
        public void giveBack() {
            receiver.close();
        }
    }

    /** The network side's thread: its claimed injector and the packet it delivers. */
    @State(Scope.Thread)
    public static class ClaimedInject {
        MockInjector injector;
        ByteBuffer packet;

        @Setup(Level.Trial)
        public void claim(MockSessionState state) {
            injector = state.network.claimInbound();
            packet = state.batch.get(0);
        }

        @TearDown(Level.Trial)
        public void giveBack() {
            injector.close();
        }
    }

    @Benchmark
    @Group("claimedOneToOne")
    @GroupThreads(1)
    public void produceClaimed(ClaimedInject inject, Spins spins, Control control) {
        while (!inject.injector.deliver(inject.packet)) {
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
    public int consumeClaimed(ClaimedReceive claimed, Spins spins, Control control) {
        Receiver receiver = claimed.receiver;
        while (true) {
            // The packet is handled in the iteration that got it, so that it is not live across
            // the loop's back edge. (Tried against the allocation seen with two threads; it did
            // not remove it: see RESULTS.md.)
            Packet packet = receiver.receivePacket();
            if (packet != null) {
                int sample = ConsumerWork.sample(packet.buffer());
                receiver.releaseReceivePacket(packet);
                return sample;
            }
            if (control.stopMeasurement) {
                return 0;
            }
            spins.empty++;
            Thread.onSpinWait();
        }
    }

    /** The application's handler for in-place receive: reads each packet during the call. */
    @State(Scope.Thread)
    public static class Handler implements PacketHandler {
        int sample;

        @Override
        public void handle(ByteBuffer packet) {
            sample = ConsumerWork.sample(packet);
        }
    }

    @Benchmark
    @Group("claimedInPlace")
    @GroupThreads(1)
    public void produceInPlace(ClaimedInject inject, Spins spins, Control control) {
        produceClaimed(inject, spins, control);
    }

    /** As {@link #consumeClaimed}, with {@code Receiver.receiveEach(handler, 1)}: no packet object. */
    @Benchmark
    @Group("claimedInPlace")
    @GroupThreads(1)
    public int consumeInPlace(ClaimedReceive claimed, Handler handler, Spins spins, Control control) {
        while (claimed.receiver.receiveEach(handler, 1) == 0) {
            if (control.stopMeasurement) {
                return 0;
            }
            spins.empty++;
            Thread.onSpinWait();
        }
        return handler.sample;
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(4)
    public void produceMany(MockSessionState state, Spins spins, Control control) {
        deliver(state, spins, control);
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(1)
    public int consumeMany(MockSessionState state, Spins spins, Control control) {
        return receive(state, spins, control);
    }

    private static void deliver(MockSessionState state, Spins spins, Control control) {
        while (!state.network.deliver(state.batch)) {
            if (control.stopMeasurement) {
                return;
            }
            spins.full++;
            Thread.onSpinWait();
        }
    }

    private static int receive(MockSessionState state, Spins spins, Control control) {
        Session session = state.session;
        Packet packet;
        while ((packet = session.receivePacket()) == null) {
            if (control.stopMeasurement) {
                return 0;
            }
            spins.empty++;
            Thread.onSpinWait();
        }
        int sample = ConsumerWork.sample(packet.buffer());
        session.releaseReceivePacket(packet);
        return sample;
    }
}
