// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publication order, release order and the error order of the ring model. */
class RingOrderTest {

    private static final int CAPACITY = 0x20000;
    private final Ring ring = new Ring(CAPACITY);
    /** The application's ends, or the driver's where a test says so (one writer and one reader a test). */
    private final RingWriter writer = new RingWriter(ring, "write");
    private final RingReader reader = new RingReader(ring, "read");

    @Test
    void sendsBecomeVisibleInAllocationOrder() {
        RingPacket a = allocate(1);
        RingPacket b = allocate(2);
        RingPacket c = allocate(3);
        writer.send(c);
        writer.send(b);
        assertThat(reader.receive()).as("nothing before A is sent").isNull();
        writer.send(a);
        assertThat(firstByte(reader.receive())).isEqualTo(1);
        assertThat(firstByte(reader.receive())).isEqualTo(2);
        assertThat(firstByte(reader.receive())).isEqualTo(3);
    }

    @Test
    void aClosedUnsentPacketIsZeroedAndDoesNotStallTheNext() {
        RingPacket abandoned = allocate(0x45);
        RingPacket next = allocate(7);
        writer.send(next);
        abandoned.close();
        RingPacket first = reader.receive();
        assertThat(first.size()).isEqualTo(0x45);
        assertThat(first.buffer().get(0)).as("zeroed: not an IP packet").isZero();
        assertThat(firstByte(reader.receive())).isEqualTo(7);
        assertThat(abandoned.isUsable()).isFalse();
        abandoned.close();
    }

    @Test
    void spaceReturnsOnlyForTheReleasedPrefix() {
        RingPacket[] received = new RingPacket[3];
        for (int i = 0; i < 3; i++) {
            writer.send(allocate(1000));
            received[i] = reader.receive();
        }
        reader.release(received[1]);
        assertThat(ring.memory().getInt(Ring.HEAD_OFFSET)).as("Head stays while the first is held").isZero();
        reader.release(received[0]);
        assertThat(ring.memory().getInt(Ring.HEAD_OFFSET)).as("Head passes the first two").isEqualTo(2 * 1004);
        reader.release(received[2]);
        assertThat(ring.memory().getInt(Ring.HEAD_OFFSET)).isEqualTo(3 * 1004);
    }

    @Test
    void endOfFileWinsOverUnreadPacketsAndEmptyWinsOverNothing() {
        writer.send(allocate(20));
        ring.terminate();
        assertThatThrownBy(reader::receive).isInstanceOfSatisfying(WintunException.class,
                e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_HANDLE_EOF));
        assertThatThrownBy(() -> writer.allocate(20)).isInstanceOfSatisfying(WintunException.class,
                e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_HANDLE_EOF));
    }

    @Test
    void aCorruptRecordRepeatsTheSameErrorAndEmptyComesFirst() {
        assertThat(reader.receive()).isNull();
        RingFaults.writeCorruptRecord(new DriverWriter(ring, "deliver"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(reader::receive).isInstanceOfSatisfying(WintunException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_INVALID_DATA));
        }
        ring.terminate();
        assertThatThrownBy(reader::receive).isInstanceOfSatisfying(WintunException.class,
                e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_HANDLE_EOF));
    }

    @Test
    void aBatchIsWrittenWholeOrNotAtAll() {
        DriverWriter driver = new DriverWriter(ring, "deliver");
        ByteBuffer big = ByteBuffer.allocate(0xFFFF);
        assertThat(driver.writeBatch(List.of(big.duplicate(), ByteBuffer.allocate(100)))).isTrue();
        assertThat(driver.writeBatch(List.of(ByteBuffer.allocate(100), big.duplicate())))
                .as("0x10004 + 104 bytes do not fit the 0xFF90 left").isFalse();
        assertThat(reader.receive().size()).isEqualTo(0xFFFF);
        assertThat(reader.receive().size()).isEqualTo(100);
        assertThat(reader.receive()).as("nothing of the dropped batch").isNull();
    }

    @Test
    void aCopySentBehindAnUnsentPacketWaitsForIt() {
        RingPacket held = allocate(9);
        assertThat(writer.sendCopy(ByteBuffer.wrap(new byte[] {5, 5}))).isTrue();
        assertThat(reader.receive()).isNull();
        writer.send(held);
        assertThat(firstByte(reader.receive())).isEqualTo(9);
        assertThat(firstByte(reader.receive())).isEqualTo(5);
    }

    @Test
    void drainHandsOutEveryRecordAndMovesHead() {
        for (int i = 1; i <= 5; i++) {
            writer.send(allocate(i));
        }
        int[] sum = {0};
        assertThat(new DriverReader(ring, "drain").drain(packet -> sum[0] += packet.get(packet.position()), 10)).isEqualTo(5);
        assertThat(sum[0]).isEqualTo(15);
        assertThat(ring.memory().getInt(Ring.HEAD_OFFSET)).isEqualTo(ring.memory().getInt(Ring.TAIL_OFFSET));
    }

    @Test
    void drainGivesUpOnACorruptRingLikeTheDriver() {
        DriverWriter corrupting = new DriverWriter(ring, "deliver");
        assertThat(corrupting.write(ByteBuffer.allocate(3))).isTrue();
        RingFaults.writeCorruptRecord(corrupting);
        assertThat(new DriverReader(ring, "drain").drain(packet -> { }, 10)).isEqualTo(1);
        assertThat(ring.isTerminated()).isTrue();
    }

    private RingPacket allocate(int size) {
        RingPacket packet = writer.allocate(size);
        packet.buffer().put(0, (byte) size);
        return packet;
    }

    private static int firstByte(RingPacket packet) {
        return packet.buffer().get(0);
    }
}
