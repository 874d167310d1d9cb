// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.binding;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Both sides of a {@link SimulatedSession} claimed by the benchmark thread ({@code Session.claimReceiver()},
 * {@code claimSender()}): the path without the session's locks. JMH runs a thread-scoped state's setup,
 * tear-down and benchmark calls on the same worker thread, which a claim requires.
 */
@State(Scope.Thread)
public class ClaimedSides {

    SimulatedSession simulated;
    Receiver receiver;
    Sender sender;

    @Setup(Level.Trial)
    public void claim(SimulatedSession session) {
        simulated = session;
        receiver = session.session.claimReceiver();
        sender = session.session.claimSender();
    }

    /** @return the next received packet, as {@link SimulatedSession#receive()} but through the receiver */
    Packet receive() {
        simulated.beforeReceive();
        return SimulatedSession.received(receiver.receivePacket());
    }

    @TearDown(Level.Trial)
    public void giveBack() {
        receiver.close();
        sender.close();
    }
}
