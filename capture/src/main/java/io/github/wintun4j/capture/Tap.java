// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * What the capturing decorators share: records a packet of one interface in one direction.
 * Inbound is what the application received, outbound what it sent.
 *
 * <p>Thread-safe (the sink takes its lock per packet).
 */
final class Tap {

    private final CaptureSink sink;
    private final int interfaceId;

    Tap(CaptureSink sink, int interfaceId) {
        this.sink = sink;
        this.interfaceId = interfaceId;
    }

    /** Records a received packet object; {@code null} (ring empty) is passed through. */
    Packet received(Packet packet) {
        if (packet != null) {
            // A packet's view spans the packet from index 0, whatever its position says now.
            sink.record(interfaceId, PcapngBlocks.FLAGS_INBOUND, packet.buffer(), 0, packet.size());
        }
        return packet;
    }

    /** @return a handler that records each packet in place, before {@code handler} sees (and may move) the view */
    PacketHandler receiving(PacketHandler handler) {
        return packet -> {
            sink.record(interfaceId, PcapngBlocks.FLAGS_INBOUND, packet, packet.position(), packet.remaining());
            handler.handle(packet);
        };
    }

    /**
     * Records an allocated packet and sends it with {@code send}; the record is taken back when
     * the send throws (a packet of another session, ...) and the block is still in memory (it is
     * the last one, not yet written). Recorded before the send because afterwards the bytes belong
     * to the ring again; a packet that is no longer usable (sent already) is not recorded, and the
     * send reports the misuse as it would without a capture.
     */
    void send(Packet packet, Consumer<Packet> send) {
        long ticket = -1;
        if (packet != null && packet.isUsable()) {
            // Filling the packet moved its view's position: the packet is the whole view.
            ticket = sink.record(interfaceId, PcapngBlocks.FLAGS_OUTBOUND, packet.buffer(), 0, packet.size());
        }
        try {
            send.accept(packet);
        } catch (RuntimeException e) {
            if (ticket >= 0) {
                sink.retract(ticket);
            }
            throw e;
        }
    }

    /** Records a packet sent by copy, after the send: the caller's buffer is still valid. */
    boolean sentCopy(ByteBuffer packet, boolean sent) {
        if (sent) {
            sink.record(interfaceId, PcapngBlocks.FLAGS_OUTBOUND, packet, packet.position(), packet.remaining());
        }
        return sent;
    }
}
