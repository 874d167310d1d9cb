package io.github.wintun4j.internal;

import io.github.wintun4j.Packet;
import io.github.wintun4j.WintunException;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The batch form of receive ({@link io.github.wintun4j.Session#receivePackets(Packet[])}), written
 * once for every session: packets are taken one by one until the array is full or the ring is
 * empty, and an error met after the first packet is left for the next call, so that the packets
 * already taken are never lost. Stateless; the caller holds its receive lock around the call.
 */
public final class BatchReceive {

    private BatchReceive() {
    }

    /**
     * @param packets filled from index 0
     * @param next    takes the next packet, {@code null} when the ring is empty; may throw
     *                {@link WintunException}
     * @return how many packets were taken
     * @throws NullPointerException when {@code packets} is null
     * @throws WintunException      when the first take fails
     */
    public static int fill(Packet[] packets, Supplier<? extends Packet> next) {
        Objects.requireNonNull(packets, "packets");
        int count = 0;
        while (count < packets.length) {
            Packet packet;
            try {
                packet = next.get();
            } catch (WintunException e) {
                if (count == 0) {
                    throw e;
                }
                break;
            }
            if (packet == null) {
                break;
            }
            packets[count++] = packet;
        }
        return count;
    }
}
