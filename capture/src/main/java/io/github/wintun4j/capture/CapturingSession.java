// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A session that records what passes through it: every method is the wrapped session's, and each
 * packet received or sent is also handed to the capture. The packets are the wrapped session's
 * own, so releasing or sending them through either session is the same. Only made while
 * capturing, so a session without capture pays nothing.
 *
 * <p>Threading and after close: as the wrapped session.
 */
final class CapturingSession implements Session {

    private final Session session;
    private final Tap tap;

    CapturingSession(Session session, Tap tap) {
        this.session = session;
        this.tap = tap;
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
        return tap.received(session.receivePacket());
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        return tap.received(session.receivePacket(timeout, unit));
    }

    @Override
    public int receiveEach(PacketHandler handler, int max) {
        Objects.requireNonNull(handler, "handler");
        return session.receiveEach(tap.receiving(handler), max);
    }

    @Override
    public boolean awaitReadable(long timeout, TimeUnit unit) throws InterruptedException {
        return session.awaitReadable(timeout, unit);
    }

    @Override
    public void releaseReceivePacket(Packet packet) {
        session.releaseReceivePacket(packet);
    }

    @Override
    public Packet allocateSendPacket(int size) {
        return session.allocateSendPacket(size);
    }

    @Override
    public void sendPacket(Packet packet) {
        tap.send(packet, session::sendPacket);
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        return tap.sentCopy(packet, session.sendCopy(packet));
    }

    @Override
    public Receiver claimReceiver() {
        return new CapturingReceiver(session.claimReceiver(), tap);
    }

    @Override
    public Sender claimSender() {
        return new CapturingSender(session.claimSender(), tap);
    }

    /** Ends the wrapped session; the capture goes on (it may hold other sessions). */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "CapturingSession[" + session + ']';
    }
}
