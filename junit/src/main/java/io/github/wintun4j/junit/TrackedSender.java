// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Sender;

import java.nio.ByteBuffer;

/** A claimed send side whose allocated packets are noted, as {@link TrackedSession}'s. Threading: as the sender. */
final class TrackedSender implements Sender {

    private final Sender sender;
    private final Ledger ledger;

    TrackedSender(Sender sender, Ledger ledger) {
        this.sender = sender;
        this.ledger = ledger;
    }

    @Override
    public Packet allocateSendPacket(int size) {
        return ledger.note(sender.allocateSendPacket(size));
    }

    @Override
    public void sendPacket(Packet packet) {
        sender.sendPacket(packet);
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        return sender.sendCopy(packet);
    }

    @Override
    public void close() {
        sender.close();
    }
}
