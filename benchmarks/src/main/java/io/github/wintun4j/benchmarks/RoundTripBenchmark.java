// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.mock.MockCollector;
import io.github.wintun4j.mock.MockInjector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
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

    /** One thread holding both claimed sides of each direction: the application's and the network's. */
    @State(Scope.Thread)
    public static class Claims {
        Receiver receiver;
        Sender sender;
        MockInjector injector;
        MockCollector collector;
        ByteBuffer packet;

        @Setup(Level.Trial)
        public void claim(MockSessionState state) {
            receiver = state.session.claimReceiver();
            sender = state.session.claimSender();
            injector = state.network.claimInbound();
            collector = state.network.claimOutbound();
            packet = state.batch.get(0);
        }

        @TearDown(Level.Trial)
        public void giveBack() {
            receiver.close();
            sender.close();
            injector.close();
            collector.close();
        }
    }

    /** As {@link #send}, through the claimed sides: allocate, fill, send; then drain one. */
    @Benchmark
    @Group("claimedSend")
    public int claimedSend(MockSessionState state, Claims claims, SendBenchmark.Sink sink) {
        Packet packet = claims.sender.allocateSendPacket(state.size);
        packet.buffer().put(0, state.packet);
        claims.sender.sendPacket(packet);
        claims.collector.drain(sink, 1);
        return sink.sample;
    }

    /** As {@link #receive}, through the claimed sides: deliver one; then receive, read, release. */
    @Benchmark
    @Group("claimedReceive")
    public int claimedReceive(Claims claims) {
        claims.injector.deliver(claims.packet);
        Packet packet = claims.receiver.receivePacket();
        int sample = ConsumerWork.sample(packet.buffer());
        claims.receiver.releaseReceivePacket(packet);
        return sample;
    }

    /**
     * As {@link #claimedSend}, with {@code Sender.sendCopy(buffer)}: the claimed copy send, one copy and no
     * packet object; then drain one. The single-thread form of {@code SendBenchmark.claimedCopy}.
     */
    @Benchmark
    @Group("claimedCopy")
    public int claimedCopy(Claims claims, SendBenchmark.Sink sink) {
        claims.sender.sendCopy(claims.packet);
        claims.collector.drain(sink, 1);
        return sink.sample;
    }

    /**
     * As {@link #claimedReceive}, with {@code Receiver.receiveEach(handler, 1)}: the claimed in-place
     * receive, no packet object. The single-thread form of {@code ReceiveBenchmark.claimedInPlace}.
     */
    @Benchmark
    @Group("claimedInPlace")
    public int claimedInPlace(Claims claims, ReceiveBenchmark.Handler handler) {
        claims.injector.deliver(claims.packet);
        claims.receiver.receiveEach(handler, 1);
        return handler.sample;
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
