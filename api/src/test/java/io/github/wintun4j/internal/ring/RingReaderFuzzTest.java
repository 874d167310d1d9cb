// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.nio.ByteBuffer;

/**
 * The ring record reader on a corrupt ring: the fuzzer writes the data area and sets Tail (and Head) as a
 * driver gone wrong might. Whatever the bytes, a receive gives a packet that lies inside the ring, null
 * (empty), or a {@code WintunException} with {@code ERROR_INVALID_DATA} (which then repeats: the read position
 * stays) or {@code ERROR_HANDLE_EOF}; never another exception. The drain stops at a corrupt record and ends
 * the ring, as the driver does. Inputs: {@code RingReaderFuzzTestInputs/<method>/}; regression mode in every
 * build, fuzzing with {@code JAZZER_FUZZ=1}.
 */
class RingReaderFuzzTest {

    private static final int CAPACITY = WintunConstants.MIN_RING_CAPACITY;
    /** Enough receives to walk past the records a corrupt ring may still hold before its first bad one. */
    private static final int RECEIVES = 64;

    @FuzzTest(maxDuration = "30s")
    void receiveOnACorruptRing(FuzzedDataProvider data) {
        Ring ring = corruptRing(data);
        RingReader reader = new RingReader(ring, "WintunReceivePacket");
        int invalid = 0;
        for (int i = 0; i < RECEIVES; i++) {
            RingPacket packet;
            try {
                packet = reader.receive();
            } catch (WintunException e) {
                require(e.errorCode() == WintunErrors.ERROR_INVALID_DATA || e.errorCode() == WintunErrors.ERROR_HANDLE_EOF,
                        "only invalid data or end of file, not " + e.errorCode());
                invalid += e.errorCode() == WintunErrors.ERROR_INVALID_DATA ? 1 : 0;
                continue;
            }
            if (packet == null) {
                require(invalid == 0, "a corrupt record is never reported as an empty ring later");
                return;
            }
            require(invalid == 0, "no packet after a corrupt record: the read position stays");
            ByteBuffer bytes = packet.buffer();
            require(bytes.remaining() == packet.size() && packet.size() <= WintunConstants.MAX_IP_PACKET_SIZE,
                    "a packet of a possible size");
            reader.release(packet);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void drainOfACorruptRing(FuzzedDataProvider data) {
        Ring ring = corruptRing(data);
        DriverReader reader = new DriverReader(ring, "WintunReceivePacket");   // the driver's end drains
        int[] bytes = {0};
        int drained = reader.drain(packet -> bytes[0] += packet.remaining(), RECEIVES);
        require(drained >= 0 && drained <= RECEIVES, "a count within the limit");
        require(bytes[0] <= (long) drained * WintunConstants.MAX_IP_PACKET_SIZE, "records of possible sizes");
    }

    /** A ring whose Tail, Head and data the input chose. */
    private static Ring corruptRing(FuzzedDataProvider data) {
        Ring ring = new Ring(CAPACITY);
        ByteBuffer memory = ring.memory();
        int tail = data.consumeBoolean() ? data.consumeInt(0, CAPACITY + 8) : data.consumeInt();
        byte[] records = data.consumeRemainingAsBytes();
        memory.put(Ring.HEADER_SIZE, records, 0, Math.min(records.length, CAPACITY + Ring.TRAILER_SIZE));
        memory.putInt(Ring.TAIL_OFFSET, tail);
        return ring;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
