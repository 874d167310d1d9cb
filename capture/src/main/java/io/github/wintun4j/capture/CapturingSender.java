// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Sender;

import java.nio.ByteBuffer;

/** A claimed send side that records each packet it sends. Threading and after close: as the wrapped sender. */
final class CapturingSender implements Sender {

    private final Sender sender;
    private final Tap tap;

    CapturingSender(Sender sender, Tap tap) {
        this.sender = sender;
        this.tap = tap;
    }

    @Override
    public Packet allocateSendPacket(int size) {
        return sender.allocateSendPacket(size);
    }

    @Override
    public void sendPacket(Packet packet) {
        tap.send(packet, sender::sendPacket);
    }

    @Override
    public boolean sendCopy(ByteBuffer packet) {
        return tap.sentCopy(packet, sender.sendCopy(packet));
    }

    @Override
    public void close() {
        sender.close();
    }
}
