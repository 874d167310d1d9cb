// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.github.wintun4j.linux.OffloadPackets.ACK;
import static io.github.wintun4j.linux.OffloadPackets.PSH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GsoCoalescer} on packets made by hand. A merged packet is checked by cutting it again
 * with {@link GsoSplit} (the kernel's rules): that must give back exactly the packets merged.
 */
class GsoCoalescerTest {

    private final GsoCoalescer coalescer = new GsoCoalescer(true, true);

    /** @return the packets that the kernel receives for this write, cut as its segmentation cuts them */
    private static List<byte[]> cut(ByteBuffer write) {
        ByteBuffer read = ByteBuffer.allocateDirect(write.remaining() + GsoSplit.worstCaseBytes(64));
        read.put(0, write, write.position(), write.remaining());
        int[] starts = new int[64];
        int[] sizes = new int[64];
        int count = new GsoSplit().receive(read, 0, write.remaining(), write.remaining(), starts, sizes);
        assertThat(count).as("the merged packet's header describes it").isPositive();
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(OffloadPackets.bytes(read.duplicate().limit(starts[i] + sizes[i]).position(starts[i])));
        }
        return packets;
    }

    private static List<byte[]> bytesOf(List<ByteBuffer> packets) {
        return packets.stream().map(OffloadPackets::bytes).toList();
    }

    private List<ByteBuffer> tcpFlow(boolean ipv6, int count, int size, int lastSize, int lastFlags) {
        List<ByteBuffer> packets = new ArrayList<>();
        int seq = 1_000;
        for (int i = 0; i < count; i++) {
            int length = i == count - 1 ? lastSize : size;
            packets.add(OffloadPackets.tcp(ipv6, 50 + i, seq, 4242, i == count - 1 ? lastFlags : ACK, new byte[0],
                    OffloadPackets.payload(length, i)));
            seq += length;
        }
        return packets;
    }

    /** Feeds the packets; @return how many were appended after the first */
    private int feed(List<ByteBuffer> packets) {
        coalescer.start(packets.get(0));
        int appended = 0;
        for (int i = 1; i < packets.size() && coalescer.append(packets.get(i)); i++) {
            appended++;
        }
        return appended;
    }

    @ParameterizedTest(name = "IPv6: {0}")
    @ValueSource(booleans = {false, true})
    void oneTcpFlowIsMergedAndCutBackIntoTheSamePackets(boolean ipv6) {
        List<ByteBuffer> packets = tcpFlow(ipv6, 5, 1000, 400, ACK | PSH);

        assertThat(feed(packets)).isEqualTo(4);
        assertThat(coalescer.isOpen()).as("a short or PSH packet ends the batch").isFalse();
        ByteBuffer write = coalescer.finish();

        int ipLength = ipv6 ? 40 : 20;
        assertThat(VirtioNetHeader.gsoType(write, 0)).isEqualTo(ipv6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4);
        assertThat(VirtioNetHeader.flags(write, 0)).isEqualTo(VirtioNetHeader.F_NEEDS_CSUM);
        assertThat(VirtioNetHeader.gsoSize(write, 0)).isEqualTo(1000);
        assertThat(VirtioNetHeader.hdrLen(write, 0)).isEqualTo(ipLength + 20);
        assertThat(VirtioNetHeader.csumStart(write, 0)).isEqualTo(ipLength);
        assertThat(VirtioNetHeader.csumOffset(write, 0)).isEqualTo(16);
        assertThat(write.remaining()).isEqualTo(VirtioNetHeader.SIZE + ipLength + 20 + 4400);
        assertThat(cut(write)).containsExactlyElementsOf(bytesOf(packets));
    }

    @ParameterizedTest(name = "IPv6: {0}")
    @ValueSource(booleans = {false, true})
    void oneUdpFlowIsMergedAndCutBack(boolean ipv6) {
        List<ByteBuffer> packets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            packets.add(OffloadPackets.udp(ipv6, 7 + i, OffloadPackets.payload(i == 3 ? 10 : 1200, i)));
        }

        assertThat(feed(packets)).isEqualTo(3);
        ByteBuffer write = coalescer.finish();

        assertThat(VirtioNetHeader.gsoType(write, 0)).isEqualTo(VirtioNetHeader.GSO_UDP_L4);
        assertThat(VirtioNetHeader.csumOffset(write, 0)).isEqualTo(6);
        assertThat(cut(write)).containsExactlyElementsOf(bytesOf(packets));
    }

    @Test
    void udpIsNotMergedWhenTheKernelRefusedUdpOffload() {
        GsoCoalescer tcpOnly = new GsoCoalescer(true, false);
        tcpOnly.start(OffloadPackets.udp(false, 1, OffloadPackets.payload(1200, 0)));

        assertThat(tcpOnly.isOpen()).isFalse();
        ByteBuffer write = tcpOnly.finish();
        assertThat(write.getLong(0)).as("a header of zeros").isZero();
        assertThat(write.getShort(8)).isZero();
    }

    @Test
    void aPshInTheMiddleEndsTheBatchAfterIt() {
        List<ByteBuffer> packets = tcpFlow(false, 4, 1000, 1000, ACK);
        packets.set(1, OffloadPackets.tcp(false, 51, 2000, 4242, ACK | PSH, new byte[0], OffloadPackets.payload(1000, 1)));

        assertThat(feed(packets)).isEqualTo(1);
        assertThat(cut(coalescer.finish())).containsExactlyElementsOf(bytesOf(packets.subList(0, 2)));
    }

    @Test
    void aLargerPacketAfterAShortOneIsNotMerged() {
        List<ByteBuffer> packets = new ArrayList<>();
        packets.add(OffloadPackets.tcp(false, 1, 0, 1, ACK, new byte[0], OffloadPackets.payload(1000, 0)));
        packets.add(OffloadPackets.tcp(false, 2, 1000, 1, ACK, new byte[0], OffloadPackets.payload(500, 0)));
        packets.add(OffloadPackets.tcp(false, 3, 1500, 1, ACK, new byte[0], OffloadPackets.payload(500, 0)));

        assertThat(feed(packets)).isEqualTo(1);
    }

    @Test
    void packetsThatDoNotContinueTheFlowAreNotMerged() {
        ByteBuffer first = OffloadPackets.tcp(false, 1, 0, 1, ACK, new byte[0], OffloadPackets.payload(1000, 0));
        List<ByteBuffer> others = List.of(
                OffloadPackets.tcp(false, 2, 1001, 1, ACK, new byte[0], OffloadPackets.payload(1000, 0)),  // a gap
                OffloadPackets.tcp(false, 2, 1000, 2, ACK, new byte[0], OffloadPackets.payload(1000, 0)),  // another ack
                OffloadPackets.tcp(false, 5, 1000, 1, ACK, new byte[0], OffloadPackets.payload(1000, 0)),  // IP ID jumps
                OffloadPackets.tcp(false, 2, 1000, 1, ACK | 0x04, new byte[0], OffloadPackets.payload(1000, 0)),  // RST
                OffloadPackets.tcp(false, 2, 1000, 1, ACK, new byte[]{1, 1, 1, 1}, OffloadPackets.payload(1000, 0)),
                OffloadPackets.tcp(true, 2, 1000, 1, ACK, new byte[0], OffloadPackets.payload(1000, 0)),
                OffloadPackets.udp(false, 2, OffloadPackets.payload(1000, 0)));
        for (ByteBuffer other : others) {
            coalescer.clear();
            coalescer.start(first);
            assertThat(coalescer.isOpen()).isTrue();
            assertThat(coalescer.append(other)).isFalse();
        }
    }

    @Test
    void packetsWithIpOptionsOrWithoutPayloadStandAlone() {
        coalescer.start(OffloadPackets.tcpWithIpOptions(0, OffloadPackets.payload(1000, 0)));
        assertThat(coalescer.isOpen()).isFalse();
        coalescer.clear();
        coalescer.start(OffloadPackets.tcp(false, 1, 0, 1, ACK, new byte[0], new byte[0]));
        assertThat(coalescer.isOpen()).isFalse();
        assertThat(coalescer.finish().getLong(0)).isZero();
    }

    @Test
    void aBatchStopsAtTheLargestIpPacket() {
        List<ByteBuffer> packets = tcpFlow(false, 50, 1460, 1460, ACK);

        int appended = feed(packets);

        assertThat(1 + appended).isEqualTo((65_535 - 40) / 1460);
        assertThat(coalescer.finish().remaining() - VirtioNetHeader.SIZE).isLessThanOrEqualTo(65_535);
    }

    @Test
    void aSinglePacketIsWrittenAsItIsWithAHeaderOfZeros() {
        ByteBuffer packet = OffloadPackets.tcp(false, 1, 0, 1, ACK, new byte[0], OffloadPackets.payload(1000, 0));
        coalescer.start(packet);

        ByteBuffer write = coalescer.finish();

        assertThat(write.getLong(0)).isZero();
        assertThat(OffloadPackets.bytes(write.position(VirtioNetHeader.SIZE))).isEqualTo(OffloadPackets.bytes(packet));
    }
}
