package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Session#receivePackets(Packet[])}: takes what is there, up to the array's length, in ring
 * order; 0 when empty; an error after some packets were taken is left for the next call.
 */
public interface BatchReceiveContract extends WintunFixture {

    @Test
    default void aBatchReceiveTakesWhatIsThereUpToTheArrayLength() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(TestPackets.ipv4(10, i, 100 + i));
            }
            assertThat(network(adapter).deliver(batch)).isTrue();

            Packet[] three = new Packet[3];
            assertThat(session.receivePackets(three)).isEqualTo(3);
            Packet[] eight = new Packet[8];
            assertThat(session.receivePackets(eight)).isEqualTo(2);
            assertThat(java.util.Arrays.copyOfRange(eight, 2, 8)).as("slots past the count are left alone")
                    .containsOnlyNulls();
            List<Packet> received = new ArrayList<>(List.of(three));
            received.add(eight[0]);
            received.add(eight[1]);
            for (int i = 0; i < 5; i++) {
                assertThat(received.get(i).isReceived()).isTrue();
                assertThat(TestPackets.bytesOf(received.get(i).buffer())).isEqualTo(batch.get(i));
            }
            assertThat(session.receivePackets(eight)).as("an empty ring").isZero();
            received.forEach(session::releaseReceivePacket);
        }
    }

    @Test
    default void anEmptyArrayTakesNothing() {
        Adapter adapter = newAdapter();
        try (Session session = newSession(adapter)) {
            assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(10, 0, 64)))).isTrue();
            assertThat(session.receivePackets(new Packet[0])).isZero();
            try (Packet packet = session.receivePacket()) {
                assertThat(packet).as("the packet is still there").isNotNull();
            }
        }
    }

    @Test
    default void anErrorAfterSomePacketsIsReportedByTheNextCall() {
        Adapter adapter = newAdapter();
        NetworkSide network = network(adapter);
        try (Session session = newSession(adapter)) {
            assertThat(network.deliver(List.of(TestPackets.ipv4(11, 0, 80), TestPackets.ipv4(11, 1, 80)))).isTrue();
            network.corruptReceiveRing();
            Packet[] packets = new Packet[8];
            assertThat(session.receivePackets(packets)).isEqualTo(2);
            assertThat(TestPackets.stampOf(packets[1].buffer())).isEqualTo(new PacketStamp(11, 1));
            assertWintunError(WintunErrors.ERROR_INVALID_DATA, () -> session.receivePackets(new Packet[8]));
            session.releaseReceivePacket(packets[0]);
            session.releaseReceivePacket(packets[1]);
        }
    }
}
