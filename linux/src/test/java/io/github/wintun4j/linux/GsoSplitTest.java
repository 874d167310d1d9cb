// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.github.wintun4j.linux.OffloadPackets.ACK;
import static io.github.wintun4j.linux.OffloadPackets.CWR;
import static io.github.wintun4j.linux.OffloadPackets.FIN;
import static io.github.wintun4j.linux.OffloadPackets.PSH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GsoSplit} on reads made by hand: a {@code virtio_net_hdr} and a packet, as the kernel
 * hands them to a descriptor opened with {@code IFF_VNET_HDR}.
 */
class GsoSplitTest {

    private static final int SEGMENTS = 256;

    private final GsoSplit split = new GsoSplit();
    private final int[] starts = new int[SEGMENTS];
    private final int[] sizes = new int[SEGMENTS];
    private ByteBuffer read;

    /** @return the result of the split of a read of this header and packet */
    private int receive(int flags, int gsoType, int hdrLen, int gsoSize, int csumStart, int csumOffset, ByteBuffer packet) {
        read = ByteBuffer.allocateDirect(VirtioNetHeader.SIZE + packet.remaining() + GsoSplit.worstCaseBytes(SEGMENTS));
        VirtioNetHeader.put(read, 0, flags, gsoType, hdrLen, gsoSize, csumStart, csumOffset);
        read.put(VirtioNetHeader.SIZE, packet, packet.position(), packet.remaining());
        int length = VirtioNetHeader.SIZE + packet.remaining();
        return split.receive(read, 0, length, length, starts, sizes);
    }

    private List<ByteBuffer> results(int count) {
        List<ByteBuffer> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(read.duplicate().limit(starts[i] + sizes[i]).position(starts[i]).slice());
        }
        return packets;
    }

    @ParameterizedTest(name = "IPv6: {0}")
    @ValueSource(booleans = {false, true})
    void tcpIsCutAsTheKernelCutsItWithAShortLastSegment(boolean ipv6) {
        byte[] payload = OffloadPackets.payload(2500, 7);
        ByteBuffer big = OffloadPackets.tcp(ipv6, 100, 0xFFFF_FC00, 77, ACK | PSH | FIN, new byte[0], payload);
        int ipLength = ipv6 ? 40 : 20;
        int type = ipv6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4;

        int count = receive(VirtioNetHeader.F_NEEDS_CSUM, type, ipLength + 20, 1000, ipLength, 16, big);

        assertThat(count).isEqualTo(3);
        List<ByteBuffer> segments = results(count);
        for (int i = 0; i < 3; i++) {
            int share = i < 2 ? 1000 : 500;
            // what the kernel's own segmentation would have handed over without offloads
            ByteBuffer expected = OffloadPackets.tcp(ipv6, 100 + i, 0xFFFF_FC00 + 1000 * i, 77,
                    i < 2 ? ACK : ACK | PSH | FIN, new byte[0], Arrays.copyOfRange(payload, 1000 * i, 1000 * i + share));
            assertThat(OffloadPackets.bytes(segments.get(i))).as("segment %d", i).isEqualTo(OffloadPackets.bytes(expected));
            assertThat(OffloadPackets.checksumsValid(segments.get(i))).as("checksums of segment %d", i).isTrue();
        }
    }

    @Test
    void withEcnCwrStaysOnTheFirstSegmentOnly() {
        ByteBuffer big = OffloadPackets.tcp(false, 1, 5000, 9, ACK | CWR, new byte[0], OffloadPackets.payload(3000, 0));

        int count = receive(VirtioNetHeader.F_NEEDS_CSUM, VirtioNetHeader.GSO_TCPV4 | VirtioNetHeader.GSO_ECN,
                40, 1000, 20, 16, big);

        assertThat(count).isEqualTo(3);
        List<ByteBuffer> segments = results(count);
        assertThat(segments).extracting(s -> s.get(20 + 13) & 0xFF).containsExactly(ACK | CWR, ACK, ACK);
        assertThat(segments).allMatch(OffloadPackets::checksumsValid);
    }

    @Test
    void tcpOptionsAreRepeatedAndHdrLenIsNotTrusted() {
        byte[] options = {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2};  // NOP, NOP, timestamps
        ByteBuffer big = OffloadPackets.tcp(false, 1, 1, 2, ACK, options, OffloadPackets.payload(2000, 3));

        int count = receive(VirtioNetHeader.F_NEEDS_CSUM, VirtioNetHeader.GSO_TCPV4, 7, 1000, 20, 16, big);

        assertThat(count).isEqualTo(2);
        for (ByteBuffer segment : results(count)) {
            assertThat(segment.remaining()).isEqualTo(20 + 32 + 1000);
            assertThat(OffloadPackets.checksumsValid(segment)).isTrue();
            assertThat(OffloadPackets.bytes(segment.duplicate().position(40).limit(52))).isEqualTo(options);
        }
    }

    @ParameterizedTest(name = "IPv6: {0}")
    @ValueSource(booleans = {false, true})
    void udpIsCutIntoDatagramsWithTheirOwnLengthAndChecksum(boolean ipv6) {
        byte[] payload = OffloadPackets.payload(3001, 11);
        ByteBuffer big = OffloadPackets.udp(ipv6, 40, payload);
        int ipLength = ipv6 ? 40 : 20;

        int count = receive(VirtioNetHeader.F_NEEDS_CSUM, VirtioNetHeader.GSO_UDP_L4, ipLength + 8, 1200, ipLength, 6, big);

        assertThat(count).isEqualTo(3);
        List<ByteBuffer> datagrams = results(count);
        for (int i = 0; i < 3; i++) {
            int share = i < 2 ? 1200 : 601;
            ByteBuffer expected = OffloadPackets.udp(ipv6, 40 + i, Arrays.copyOfRange(payload, 1200 * i, 1200 * i + share));
            assertThat(OffloadPackets.bytes(datagrams.get(i))).as("datagram %d", i).isEqualTo(OffloadPackets.bytes(expected));
            assertThat(OffloadPackets.checksumsValid(datagrams.get(i))).isTrue();
        }
    }

    @Test
    void aPacketWithoutGsoIsHandedOverWhereItWasRead() {
        ByteBuffer packet = OffloadPackets.udp(false, 1, OffloadPackets.payload(100, 0));

        int count = receive(0, VirtioNetHeader.GSO_NONE, 0, 0, 0, 0, packet);

        assertThat(count).isEqualTo(1);
        assertThat(starts[0]).isEqualTo(VirtioNetHeader.SIZE);
        assertThat(OffloadPackets.bytes(results(1).get(0))).isEqualTo(OffloadPackets.bytes(packet));
    }

    @ParameterizedTest(name = "IPv6: {0}")
    @ValueSource(booleans = {false, true})
    void aPartialChecksumIsCompleted(boolean ipv6) {
        ByteBuffer complete = OffloadPackets.tcp(ipv6, 5, 10, 20, ACK | PSH, new byte[0], OffloadPackets.payload(333, 1));
        int l4 = ipv6 ? 40 : 20;
        ByteBuffer partial = OffloadPackets.tcp(ipv6, 5, 10, 20, ACK | PSH, new byte[0], OffloadPackets.payload(333, 1));
        // as the kernel leaves it: the pseudo-header sum, folded and not complemented
        partial.putShort(l4 + 16, (short) 0);
        int pseudo = ~OffloadPackets.transportChecksum(pseudoOnly(partial, ipv6, l4), ipv6, l4) & 0xFFFF;
        partial.putShort(l4 + 16, (short) pseudo);

        int count = receive(VirtioNetHeader.F_NEEDS_CSUM, VirtioNetHeader.GSO_NONE, 0, 0, l4, 16, partial);

        assertThat(count).isEqualTo(1);
        ByteBuffer result = results(1).get(0);
        assertThat(OffloadPackets.checksumsValid(result)).isTrue();
        assertThat(OffloadPackets.bytes(result)).isEqualTo(OffloadPackets.bytes(complete));
    }

    /** @return a copy of the packet whose transport bytes are zero: its checksum is the pseudo-header's alone */
    private static ByteBuffer pseudoOnly(ByteBuffer packet, boolean ipv6, int l4) {
        ByteBuffer copy = ByteBuffer.allocate(packet.remaining());
        copy.put(0, packet, 0, l4);
        return copy;
    }

    @Test
    void malformedHeadersAreRefused() {
        ByteBuffer tcp4 = OffloadPackets.tcp(false, 1, 1, 1, ACK, new byte[0], OffloadPackets.payload(3000, 0));
        ByteBuffer udp4 = OffloadPackets.udp(false, 1, OffloadPackets.payload(3000, 0));
        ByteBuffer small = OffloadPackets.udp(false, 1, OffloadPackets.payload(10, 0));

        assertThat(receive(1, VirtioNetHeader.GSO_TCPV4, 40, 0, 20, 16, tcp4)).as("gso_size 0").isEqualTo(GsoSplit.MALFORMED);
        assertThat(receive(1, VirtioNetHeader.GSO_TCPV4, 40, 10, 20, 16, tcp4)).as("300 segments, room for 256")
                .isEqualTo(GsoSplit.MALFORMED);
        assertThat(receive(1, VirtioNetHeader.GSO_TCPV6, 40, 1000, 20, 16, tcp4)).as("TCPV6 on IPv4")
                .isEqualTo(GsoSplit.MALFORMED);
        assertThat(receive(1, VirtioNetHeader.GSO_TCPV4, 28, 1000, 20, 6, udp4)).as("TCPV4 on UDP")
                .isEqualTo(GsoSplit.MALFORMED);
        assertThat(receive(1, VirtioNetHeader.GSO_UDP_L4 | VirtioNetHeader.GSO_ECN, 28, 1000, 20, 6, udp4))
                .as("ECN on UDP").isEqualTo(GsoSplit.MALFORMED);
        assertThat(receive(1, 3, 28, 1000, 20, 6, udp4)).as("UFO, never asked for").isEqualTo(GsoSplit.MALFORMED);
        assertThat(receive(1, VirtioNetHeader.GSO_NONE, 0, 0, 31, 6, small)).as("checksum field past the end")
                .isEqualTo(GsoSplit.MALFORMED);
        assertThat(receive(1, VirtioNetHeader.GSO_NONE, 0, 0, 60, 0, small)).as("csum_start past the end")
                .isEqualTo(GsoSplit.MALFORMED);
        ByteBuffer noPayload = OffloadPackets.tcp(false, 1, 1, 1, ACK, new byte[0], new byte[0]);
        assertThat(receive(1, VirtioNetHeader.GSO_TCPV4, 40, 1000, 20, 16, noPayload)).as("nothing to cut")
                .isEqualTo(GsoSplit.MALFORMED);
        ByteBuffer truncated = tcp4.duplicate().limit(30);
        assertThat(receive(1, VirtioNetHeader.GSO_TCPV4, 40, 1000, 20, 16, truncated)).as("TCP header cut off")
                .isEqualTo(GsoSplit.MALFORMED);
        ByteBuffer headerOnly = ByteBuffer.allocateDirect(0);
        assertThat(receive(0, 0, 0, 0, 0, 0, headerOnly)).as("a header and no packet").isEqualTo(GsoSplit.MALFORMED);
    }

    @Test
    void aGsoPacketOfTheLargestSizeIsCutWhole() {
        byte[] payload = OffloadPackets.payload(65_535 - 40, 0);
        ByteBuffer big = OffloadPackets.tcp(false, 9, 0, 0, ACK, new byte[0], payload);

        int count = receive(1, VirtioNetHeader.GSO_TCPV4, 40, 1448, 20, 16, big);

        assertThat(count).isEqualTo((payload.length + 1447) / 1448);
        List<ByteBuffer> segments = results(count);
        assertThat(segments).allMatch(OffloadPackets::checksumsValid);
        assertThat(segments.stream().mapToInt(s -> s.remaining() - 40).sum()).isEqualTo(payload.length);
    }
}
