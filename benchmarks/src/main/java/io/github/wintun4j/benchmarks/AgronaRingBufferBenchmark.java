// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Baseline: Agrona's off-heap ring buffers, the reference for a fast lock-free byte ring in Java.
 * {@link OneToOneRingBuffer} for one producer, {@link ManyToOneRingBuffer} for four; 4 MiB of
 * data, as the Wintun ring. The producer {@code write}s the packet from an {@link UnsafeBuffer}
 * (a copy into the ring); the consumer {@code read}s one record and reads its bytes in place.
 * Same shape, retries and per-packet work as {@link SendBenchmark} and {@link ReceiveBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class AgronaRingBufferBenchmark {

    private static final int MESSAGE_TYPE = 1;

    /** The state of one group: the ring and the packet, as an Agrona source buffer. */
    @State(Scope.Group)
    public abstract static class RingState {
        @Param({"64", "1500"})
        public int size;

        UnsafeBuffer packet;
        RingBuffer ring;

        @Setup(Level.Trial)
        public void open() {
            packet = new UnsafeBuffer(SamplePacket.udp(size));
            int length = MockSessionState.CAPACITY + RingBufferDescriptor.TRAILER_LENGTH;
            ring = create(new UnsafeBuffer(ByteBuffer.allocateDirect(length)));
        }

        abstract RingBuffer create(UnsafeBuffer memory);
    }

    @State(Scope.Group)
    public static class OneToOne extends RingState {
        @Override
        RingBuffer create(UnsafeBuffer memory) {
            return new OneToOneRingBuffer(memory);
        }
    }

    @State(Scope.Group)
    public static class ManyToOne extends RingState {
        @Override
        RingBuffer create(UnsafeBuffer memory) {
            return new ManyToOneRingBuffer(memory);
        }
    }

    /** The consumer's handler: reads the record it is handed during the read call. */
    @State(Scope.Thread)
    public static class Handler implements MessageHandler {
        int sample;

        @Override
        public void onMessage(int msgTypeId, MutableDirectBuffer buffer, int index, int length) {
            sample = ConsumerWork.sample(buffer, index, length);
        }
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public void produce(OneToOne state, Spins spins, Control control) {
        write(state, spins, control);
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public int consume(OneToOne state, Handler handler, Spins spins, Control control) {
        return read(state, handler, spins, control);
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(4)
    public void produceMany(ManyToOne state, Spins spins, Control control) {
        write(state, spins, control);
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(1)
    public int consumeMany(ManyToOne state, Handler handler, Spins spins, Control control) {
        return read(state, handler, spins, control);
    }

    private static void write(RingState state, Spins spins, Control control) {
        while (!state.ring.write(MESSAGE_TYPE, state.packet, 0, state.size)) {
            if (control.stopMeasurement) {
                return;
            }
            spins.full++;
            Thread.onSpinWait();
        }
    }

    private static int read(RingState state, Handler handler, Spins spins, Control control) {
        while (state.ring.read(handler, 1) == 0) {
            if (control.stopMeasurement) {
                return 0;
            }
            spins.empty++;
            Thread.onSpinWait();
        }
        return handler.sample;
    }
}
