package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;

import java.util.concurrent.TimeUnit;

/** How a receiver waits for its next packet: the two ways the latency benchmark compares. */
enum WaitPolicy {

    /** {@link Session#receivePacket(long, TimeUnit)}: spins a few microseconds, then waits on the read event. */
    SPIN {
        @Override
        Packet receive(Session session, long timeout, TimeUnit unit) throws InterruptedException {
            return session.receivePacket(timeout, unit);
        }
    },

    /** {@link Session#awaitReadable(long, TimeUnit)} then {@link Session#receivePacket()}: waits at once, never spins. */
    PLAIN {
        @Override
        Packet receive(Session session, long timeout, TimeUnit unit) throws InterruptedException {
            Packet packet = session.receivePacket();
            if (packet == null && session.awaitReadable(timeout, unit)) {
                packet = session.receivePacket();
            }
            return packet;
        }
    };

    /**
     * @return the next packet, or {@code null} when none came in time (or the wake-up was spurious)
     */
    abstract Packet receive(Session session, long timeout, TimeUnit unit) throws InterruptedException;
}
