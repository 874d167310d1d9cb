// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** A claimed receive side that records each packet it hands out. Threading and after close: as the wrapped receiver. */
final class CapturingReceiver implements Receiver {

    private final Receiver receiver;
    private final Tap tap;

    CapturingReceiver(Receiver receiver, Tap tap) {
        this.receiver = receiver;
        this.tap = tap;
    }

    @Override
    public Packet receivePacket() {
        return tap.received(receiver.receivePacket());
    }

    @Override
    public Packet receivePacket(long timeout, TimeUnit unit) throws InterruptedException {
        return tap.received(receiver.receivePacket(timeout, unit));
    }

    @Override
    public int receiveEach(PacketHandler handler, int max) {
        Objects.requireNonNull(handler, "handler");
        return receiver.receiveEach(tap.receiving(handler), max);
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
