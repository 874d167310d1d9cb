// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The session a test gets: the mock's session, with each packet it hands out and each waiting
 * thread noted in a {@link Ledger}, so that the extension can tell what the host left behind.
 * Threading and after close: as the mock's session.
 */
final class TrackedSession implements Session {

    private final Session session;
    private final Ledger ledger;

    TrackedSession(Session session, Ledger ledger) {
        this.session = session;
        this.ledger = ledger;
    }

    @Override
    public int capacity() {
        return session.capacity();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public boolean offloadsActive() {
        return session.offloadsActive();
    }

    @Override
    public Packet receivePacket() {
        return ledger.note(session.receivePacket());
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        ledger.enter("Session.receivePacket(timeout)");
        try {
            return ledger.note(session.receivePacket(timeout, unit));
        } finally {
            ledger.leave();
        }
    }

    @Override
    public int receiveEach(PacketHandler handler, int max) {
        return session.receiveEach(handler, max);
    }

    @Override
    public boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException {
        ledger.enter("Session.awaitReadable");
        try {
            return session.awaitReadable(timeout, unit);
        } finally {
            ledger.leave();
        }
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        session.releaseReceivePacket(packet);
    }

    @Override
    public Packet allocateSendPacket(int size) {
        return ledger.note(session.allocateSendPacket(size));
    }

    @Override
    public void sendPacket(Packet packet) {
        session.sendPacket(packet);
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        return session.sendCopy(packet);
    }

    @Override
    public Receiver claimReceiver() {
        return new TrackedReceiver(session.claimReceiver(), ledger);
    }

    @Override
    public Sender claimSender() {
        return new TrackedSender(session.claimSender(), ledger);
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
