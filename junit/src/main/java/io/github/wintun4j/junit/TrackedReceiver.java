// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;

import java.util.concurrent.TimeUnit;

/** A claimed receive side whose packets and waits are noted, as {@link TrackedSession}'s. Threading: as the receiver. */
final class TrackedReceiver implements Receiver {

    private final Receiver receiver;
    private final Ledger ledger;

    TrackedReceiver(Receiver receiver, Ledger ledger) {
        this.receiver = receiver;
        this.ledger = ledger;
    }

    @Override
    public Packet receivePacket() {
        return ledger.note(receiver.receivePacket());
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        ledger.enter("Receiver.receivePacket(timeout)");
        try {
            return ledger.note(receiver.receivePacket(timeout, unit));
        } finally {
            ledger.leave();
        }
    }

    @Override
    public int receiveEach(PacketHandler handler, int max) {
        return receiver.receiveEach(handler, max);
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        receiver.releaseReceivePacket(packet);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
