// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.binding;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The per-packet cost of the Windows bindings through the public API, one thread, against the wintun
 * ABI simulator: what the FFM and the JNA backends add to the native calls that
 * {@code src/main/c/binding_cost.c} makes straight from C ({@code benchmarks/binding-cost.sh} runs
 * both and prints the ratios). Neither side touches the packets' bytes: only the calls are measured.
 * One operation is one packet. {@code receiveRelease} and {@code allocateSend} use the session's own
 * (thread-safe, locking) methods; the {@code ...Claimed} twins the same calls through a claimed
 * {@code Receiver} and {@code Sender}, which take no lock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class BindingCostBenchmark {

    /** {@code WintunReceivePacket} + {@code WintunReleaseReceivePacket}, as the C case receive+release. */
    @Benchmark
    public int receiveRelease(SimulatedSession state) {
        Packet packet = state.receive();
        int size = packet.size();
        state.session.releaseReceivePacket(packet);
        return size;
    }

    /**
     * {@code WintunAllocateSendPacket} + {@code WintunSendPacket}; the session also makes its end-of-adapter
     * probe after the send (the C case allocate+send+probe makes the same three calls).
     */
    @Benchmark
    public void allocateSend(SimulatedSession state) {
        Session session = state.session;
        session.sendPacket(session.allocateSendPacket(state.size));
    }

    /** As {@link #receiveRelease}, through the claimed receiver. */
    @Benchmark
    public int receiveReleaseClaimed(ClaimedSides sides) {
        Packet packet = sides.receive();
        int size = packet.size();
        sides.receiver.releaseReceivePacket(packet);
        return size;
    }

    /** As {@link #allocateSend} (the same three calls), through the claimed sender. */
    @Benchmark
    public void allocateSendClaimed(ClaimedSides sides) {
        Sender sender = sides.sender;
        sender.sendPacket(sender.allocateSendPacket(sides.simulated.size));
    }
}
