// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Session;

import java.util.concurrent.TimeUnit;

/** How a receiver waits for its next packet: the two ways the latency benchmark compares. */
enum WaitPolicy {

    /** {@link Receiver#receivePacket(long, TimeUnit)}: spins a few microseconds, then waits on the read event. */
    SPIN {
        @Override
        Packet receive(Session session, Receiver receiver, long timeout, TimeUnit unit) throws InterruptedException {
            return receiver.receivePacket(timeout, unit);
        }
    },

    /** {@link Session#awaitReadable(long, TimeUnit)} then {@link Receiver#receivePacket()}: waits at once, never spins. */
    PLAIN {
        @Override
        Packet receive(Session session, Receiver receiver, long timeout, TimeUnit unit) throws InterruptedException {
            Packet packet = receiver.receivePacket();
            if (packet == null && session.awaitReadable(timeout, unit)) {
                packet = receiver.receivePacket();
            }
            return packet;
        }
    };

    /**
     * @param session  the session, for {@link Session#awaitReadable} (which a claimed receive side leaves to it)
     * @param receiver the session's receive side, claimed by the calling thread
     * @return the next packet, or {@code null} when none came in time (or the wake-up was spurious)
     */
    abstract Packet receive(Session session, Receiver receiver, long timeout, TimeUnit unit) throws InterruptedException;
}
