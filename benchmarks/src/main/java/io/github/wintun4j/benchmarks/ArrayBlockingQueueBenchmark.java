// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.internal.ring.Ring;
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

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Baseline: the obvious way to hand packets between threads in plain Java. The producer copies
 * the packet into a new {@code byte[]} and offers it to an {@link ArrayBlockingQueue}; the
 * consumer polls it and reads it. The queue holds as many packets as the 4 MiB Wintun ring holds
 * of this size. Same shape, retries and per-packet work as {@link SendBenchmark} and
 * {@link ReceiveBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ArrayBlockingQueueBenchmark {

    @State(Scope.Group)
    public static class QueueState {
        @Param({"64", "1500"})
        public int size;

        byte[] packet;
        ArrayBlockingQueue<byte[]> queue;

        @Setup(Level.Trial)
        public void open() {
            packet = SamplePacket.udp(size);
            queue = new ArrayBlockingQueue<>((MockSessionState.CAPACITY - Ring.SIZE_PREFIX) / Ring.recordSize(size));
        }
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public void produce(QueueState state, Spins spins, Control control) {
        offer(state, spins, control);
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public int consume(QueueState state, Spins spins, Control control) {
        return poll(state, spins, control);
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(4)
    public void produceMany(QueueState state, Spins spins, Control control) {
        offer(state, spins, control);
    }

    @Benchmark
    @Group("manyToOne")
    @GroupThreads(1)
    public int consumeMany(QueueState state, Spins spins, Control control) {
        return poll(state, spins, control);
    }

    private static void offer(QueueState state, Spins spins, Control control) {
        byte[] copy = new byte[state.size];
        System.arraycopy(state.packet, 0, copy, 0, copy.length);
        while (!state.queue.offer(copy)) {
            if (control.stopMeasurement) {
                return;
            }
            spins.full++;
            Thread.onSpinWait();
        }
    }

    private static int poll(QueueState state, Spins spins, Control control) {
        byte[] packet;
        while ((packet = state.queue.poll()) == null) {
            if (control.stopMeasurement) {
                return 0;
            }
            spins.empty++;
            Thread.onSpinWait();
        }
        return ConsumerWork.sample(packet);
    }
}
