// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.internal.ring.DriverWriter;
import io.github.wintun4j.internal.ring.RingFaults;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Test fixtures that act on a Linux session's driver side directly, through the pump's writer of the
 * receive ring (the one producer of that ring, so the records stay in order with the receive thread's).
 */
final class DriverSideFaults {

    private DriverSideFaults() {
    }

    /**
     * The driver's batch routine: writes a batch from the network stack into the receive ring whole, or
     * drops it whole and counts it when it does not fit (wintun-reference section 4). Packets read from
     * the TUN descriptor go in by bursts instead ({@link ReceiveLoop}).
     *
     * @param batch the packets, each from position to limit
     * @return whether the batch was written
     */
    static boolean deliverBatch(LinuxSession session, LinuxAdapter adapter, List<ByteBuffer> batch) {
        DriverWriter writer = session.pump().receiveWriter();
        return session.pump().receivePath().asReader(() -> {
            if (writer.writeBatch(batch)) {
                return true;
            }
            if (!writer.isEnded()) {
                adapter.counters().inboundDropped();
            }
            return false;
        });
    }

    /** Writes an impossible record into the receive ring, as a corrupt driver would. */
    static void corruptReceiveRing(LinuxSession session) {
        session.pump().receivePath().asReader(() -> {
            RingFaults.writeCorruptRecord(session.pump().receiveWriter());
            return null;
        });
    }
}
