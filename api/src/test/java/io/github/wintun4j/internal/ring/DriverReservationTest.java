// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.Packet;
import io.github.wintun4j.WintunConstants;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading straight into the receive ring: {@link DriverWriter#reserve}, {@link DriverWriter#commit}
 * and {@link DriverWriter#publish} (a driver that fills the ring with {@code read()}, no copy in
 * between), with the same records, order and free-space rules as a copy.
 */
class DriverReservationTest {

    private static final int CAPACITY = WintunConstants.MIN_RING_CAPACITY;
    private final Ring ring = new Ring(CAPACITY);
    private final DriverWriter writer = new DriverWriter(ring, "read(TUN)");
    private final RingReader reader = new RingReader(ring, "WintunReceivePacket");

    @Test
    void committedRecordsAreInvisibleUntilPublishedThenReadInOrder() {
        for (int i = 1; i <= 3; i++) {
            ByteBuffer record = writer.reserve(WintunConstants.MAX_IP_PACKET_SIZE / 4);
            assertThat(record.remaining()).isEqualTo(WintunConstants.MAX_IP_PACKET_SIZE / 4);
            record.put(record.position(), (byte) i).put(record.position() + 1, (byte) (10 * i));
            writer.commit(i + 1);
        }
        assertThat(reader.receive()).as("nothing before publish").isNull();

        assertThat(writer.publish()).isTrue();
        for (int i = 1; i <= 3; i++) {
            Packet packet = reader.receive();
            assertThat(packet.size()).isEqualTo(i + 1);
            assertThat(packet.buffer().get(0)).isEqualTo((byte) i);
            assertThat(packet.buffer().get(1)).isEqualTo((byte) (10 * i));
        }
        assertThat(writer.publish()).as("nothing new").isFalse();
    }

    @Test
    void aCancelledReservationLeavesTheRingAsItWas() {
        writer.reserve(100);
        writer.cancel();
        assertThat(writer.publish()).isFalse();
        assertThat(writer.write(ByteBuffer.wrap(new byte[] {0x45, 7}))).isTrue();
        assertThat(reader.receive().buffer().get(1)).as("the copy took the cancelled record's place").isEqualTo((byte) 7);
    }

    @Test
    void aReservationLargerThanTheFreeSpaceIsRefusedAndFreeBytesSaysWhatFits() {
        assertThat(writer.freeBytes()).isEqualTo(CAPACITY - 2 * Ring.SIZE_PREFIX);
        writer.reserve(WintunConstants.MAX_IP_PACKET_SIZE);
        writer.commit(WintunConstants.MAX_IP_PACKET_SIZE);
        int left = CAPACITY - Ring.recordSize(WintunConstants.MAX_IP_PACKET_SIZE) - 2 * Ring.SIZE_PREFIX;
        assertThat(writer.freeBytes()).isEqualTo(left);
        assertThat(writer.reserve(WintunConstants.MAX_IP_PACKET_SIZE)).as("64 KiB no longer fit").isNull();
        assertThat(writer.reserve(left)).as("what freeBytes says fits").isNotNull();
        writer.commit(left);
        assertThat(writer.freeBytes()).as("full").isZero();
        assertThat(writer.reserve(1)).isNull();
    }

    @Test
    void misuseIsRefused() {
        assertThatThrownBy(() -> writer.commit(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.reserve(0)).isInstanceOf(IllegalArgumentException.class);
        writer.reserve(10);
        assertThatThrownBy(() -> writer.reserve(10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.commit(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(ByteBuffer.allocate(1))).as("a copy over a reserved record")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.writeBatch(List.of(ByteBuffer.allocate(1))))
                .isInstanceOf(IllegalStateException.class);
        writer.commit(10);
        assertThat(writer.publish()).isTrue();
    }

    @Test
    void nothingIsReservedOrPublishedOnceTheRingEnded() {
        writer.reserve(10);
        writer.commit(10);
        ring.terminate();
        assertThat(writer.publish()).isFalse();
        assertThat(writer.reserve(10)).isNull();
    }

    @Test
    void aCopyPublishesTheRecordsCommittedBeforeIt() {
        writer.reserve(10).put(0, (byte) 0);
        writer.commit(4);
        writer.write(ByteBuffer.wrap(new byte[] {0x45}));
        assertThat(reader.receive().size()).isEqualTo(4);
        assertThat(reader.receive().size()).isEqualTo(1);
        assertThat(writer.publish()).as("already out").isFalse();
    }
}
