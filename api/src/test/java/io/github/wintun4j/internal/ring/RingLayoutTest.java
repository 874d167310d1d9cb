// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The byte layout of a ring, checked in its memory: the header, the size prefix, alignment. */
class RingLayoutTest {

    private static final int CAPACITY = 0x20000;

    @Test
    void recordsTakeAlignedSizePlusPrefix() {
        assertThat(Ring.recordSize(1)).isEqualTo(8);
        assertThat(Ring.recordSize(4)).isEqualTo(8);
        assertThat(Ring.recordSize(5)).isEqualTo(12);
        assertThat(Ring.recordSize(1500)).isEqualTo(1504);
        assertThat(Ring.recordSize(0xFFFF)).isEqualTo(0x10004);
    }

    @Test
    void memoryHoldsHeaderCapacityAndTrailer() {
        Ring ring = new Ring(CAPACITY);
        assertThat(ring.memory().capacity()).isEqualTo(Ring.HEADER_SIZE + CAPACITY + 0x10000);
        assertThat(ring.memory().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(ring.memory().getInt(Ring.HEAD_OFFSET)).as("Head").isZero();
        assertThat(ring.memory().getInt(Ring.TAIL_OFFSET)).as("Tail").isZero();
        assertThat(ring.memory().getInt(Ring.ALERTABLE_OFFSET)).as("Alertable").isZero();
    }

    @Test
    void headTailAndAlertableNeverShareACacheLinePair() {
        // The producer writes Tail and the consumer Head for every packet: one line pair each.
        assertThat(Ring.TAIL_OFFSET - Ring.HEAD_OFFSET).isGreaterThanOrEqualTo(128);
        assertThat(Ring.ALERTABLE_OFFSET - Ring.TAIL_OFFSET).isGreaterThanOrEqualTo(128);
        assertThat(Ring.HEADER_SIZE - Ring.ALERTABLE_OFFSET).isGreaterThanOrEqualTo(128);
        assertThat(Ring.HEADER_SIZE % 4).as("records stay 4-byte aligned").isZero();
    }

    @Test
    void sendWritesSizePrefixThenPublishesTailAndReleaseMovesHead() {
        Ring ring = new Ring(CAPACITY);
        RingWriter writer = new RingWriter(ring, "write");
        RingReader reader = new RingReader(ring, "read");

        RingPacket packet = writer.allocate(10);
        packet.buffer().put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(ring.memory().getInt(Ring.HEADER_SIZE)).as("size prefix").isEqualTo(10);
        assertThat(ring.memory().getInt(Ring.TAIL_OFFSET)).as("Tail before send").isZero();

        writer.send(packet);
        assertThat(ring.memory().getInt(Ring.TAIL_OFFSET)).as("Tail after send").isEqualTo(16);
        assertThat(ring.memory().get(Ring.HEADER_SIZE + 4)).isEqualTo((byte) 1);

        RingPacket received = reader.receive();
        assertThat(received.size()).isEqualTo(10);
        assertThat(received.buffer().get(9)).isEqualTo((byte) 10);
        assertThat(ring.memory().getInt(Ring.HEAD_OFFSET)).as("Head before release").isZero();
        reader.release(received);
        assertThat(ring.memory().getInt(Ring.HEAD_OFFSET)).as("Head after release").isEqualTo(16);
    }

    @Test
    void packetViewsAreBigEndianAndBoundedToThePacket() {
        Ring ring = new Ring(CAPACITY);
        RingWriter writer = new RingWriter(ring, "write");
        RingPacket packet = writer.allocate(6);
        ByteBuffer view = packet.buffer();
        assertThat(view.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(view.position()).isZero();
        assertThat(view.limit()).isEqualTo(6);
        assertThat(view.capacity()).isEqualTo(6);
        assertThat(packet.buffer()).isSameAs(view);
        writer.send(packet);

        RingPacket received = new RingReader(ring, "read").receive();
        assertThat(received.buffer().isReadOnly()).isTrue();
    }

    @Test
    void exactly87PacketsOf1500BytesFitTheSmallestRing() {
        Ring ring = new Ring(CAPACITY);
        RingWriter writer = new RingWriter(ring, "write");
        int allocated = 0;
        while (writer.allocate(1500) != null) {
            allocated++;
        }
        assertThat(allocated).isEqualTo(87);
    }

    @Test
    void oneUnitStaysFreeSoCapacityMinusFourBytesHoldPackets() {
        Ring ring = new Ring(CAPACITY);
        RingWriter writer = new RingWriter(ring, "write");
        // Two records filling capacity - 4 bytes exactly: 0x10000 + 4 and 0x10000 - 8 + 4 bytes.
        assertThat(writer.allocate(0xFFFF)).isNotNull();
        assertThat(writer.allocate(CAPACITY - 4 - 0x10004 - 4)).isNotNull();
        assertThat(writer.allocate(1)).as("the reserved unit").isNull();
    }

    @Test
    void aRecordRunningPastTheEndIsNotSplit() {
        Ring ring = new Ring(CAPACITY);
        RingWriter writer = new RingWriter(ring, "write");
        RingReader reader = new RingReader(ring, "read");
        // Move both positions near the end: 0x20000 - 16.
        sendAndConsume(writer, reader, CAPACITY - 16 - 4 - 0x10004);
        sendAndConsume(writer, reader, 0xFFFF);
        assertThat(ring.memory().getInt(Ring.TAIL_OFFSET)).isEqualTo(CAPACITY - 16);

        byte[] bytes = new byte[100];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        RingPacket crossing = writer.allocate(bytes.length);
        crossing.buffer().put(bytes);
        writer.send(crossing);
        assertThat(ring.memory().getInt(Ring.TAIL_OFFSET)).as("Tail wraps").isEqualTo((CAPACITY - 16 + 104) & (CAPACITY - 1));
        assertThat(ring.memory().get(Ring.HEADER_SIZE + CAPACITY - 16 + 4 + 99)).as("bytes in the trailer").isEqualTo((byte) 99);

        RingPacket received = reader.receive();
        byte[] read = new byte[100];
        received.buffer().get(read);
        assertThat(read).isEqualTo(bytes);
    }

    private static void sendAndConsume(RingWriter writer, RingReader reader, int size) {
        writer.send(writer.allocate(size));
        reader.release(reader.receive());
    }

    @Test
    void capacityMustBeAPowerOfTwoInRange() {
        assertThatThrownBy(() -> new Ring(0x1FFFF)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new Ring(0x30000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ring(0x8000000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Ring(0x4000000).capacity()).isEqualTo(0x4000000);
    }
}
