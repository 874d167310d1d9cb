package io.github.wintun4j.benchmarks;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The software cost of one packet, without any traffic between cores: one thread produces a
 * packet and consumes it at once, through each implementation, so the ring (queue) never holds
 * more than one. The difference to the two-thread benchmarks is what the cache-line transfers
 * between the producer's and the consumer's core cost. For profiling ({@code -prof gc} gives the
 * bytes allocated per packet); not part of the comparison the targets are stated on. Each method
 * is a group of one thread, only so that it can use the group-scoped states of the other benchmarks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class RoundTripBenchmark {

    /** Application to network: allocate, fill, send; then {@code drainSent} one. */
    @Benchmark
    @Group("send")
    public int send(MockSessionState state, SendBenchmark.Sink sink) {
        Session session = state.session;
        Packet packet = session.allocateSendPacket(state.size);
        packet.buffer().put(0, state.packet);
        session.sendPacket(packet);
        state.network.drainSent(sink, 1);
        return sink.sample;
    }

    /** Network to application: {@code deliver} one; then receive, read, release. */
    @Benchmark
    @Group("receive")
    public int receive(MockSessionState state) {
        state.network.deliver(state.batch);
        Session session = state.session;
        Packet packet = session.receivePacket();
        int sample = ConsumerWork.sample(packet.buffer());
        session.releaseReceivePacket(packet);
        return sample;
    }

    /** Copy into a new array, offer, poll, read. */
    @Benchmark
    @Group("arrayBlockingQueue")
    public int arrayBlockingQueue(ArrayBlockingQueueBenchmark.QueueState state) {
        byte[] copy = new byte[state.size];
        System.arraycopy(state.packet, 0, copy, 0, copy.length);
        state.queue.offer(copy);
        return ConsumerWork.sample(state.queue.poll());
    }

    /** Write into the ring, read one record. */
    @Benchmark
    @Group("agronaOneToOne")
    public int agronaOneToOne(AgronaRingBufferBenchmark.OneToOne state, AgronaRingBufferBenchmark.Handler handler) {
        state.ring.write(1, state.packet, 0, state.size);
        state.ring.read(handler, 1);
        return handler.sample;
    }
}
