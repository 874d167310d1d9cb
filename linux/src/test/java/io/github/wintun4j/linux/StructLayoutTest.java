// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.IfReq;
import io.github.wintun4j.linux.sys.In6IfReq;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.PollFds;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The structures handed to the kernel, byte for byte, against the layouts of net/if.h, linux/ipv6.h and poll.h. */
class StructLayoutTest {

    @Test
    void anIfreqIs40BytesWithTheNulPaddedNameFirstAndTheUnionAt16() {
        ByteBuffer ifreq = new IfReq("tun0").flags((short) (LinuxAbi.IFF_TUN | LinuxAbi.IFF_NO_PI)).buffer();
        assertThat(ifreq.isDirect()).isTrue();
        assertThat(ifreq.remaining()).isEqualTo(IfReq.SIZE).isEqualTo(40);
        assertThat(ifreq.get(0)).isEqualTo((byte) 't');
        assertThat(ifreq.get(3)).isEqualTo((byte) '0');
        for (int i = 4; i < 16; i++) {
            assertThat(ifreq.get(i)).as("name byte %d", i).isZero();
        }
        assertThat(ifreq.order(ByteOrder.nativeOrder()).getShort(16)).isEqualTo((short) 0x1001);
    }

    @Test
    void aFifteenByteNameFillsTheFieldUpToItsNulAndASixteenByteOneIsRefused() {
        ByteBuffer ifreq = new IfReq("abcdefghijklmno").buffer();
        assertThat(ifreq.get(14)).isEqualTo((byte) 'o');
        assertThat(ifreq.get(15)).as("the NUL").isZero();
        assertThatThrownBy(() -> new IfReq("abcdefghijklmnop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15");
    }

    @Test
    void anIfreqCarriesASockaddrInAndAnIntInItsUnion() throws Exception {
        IfReq ifreq = new IfReq("tun0").ipv4((Inet4Address) InetAddress.getByName("10.6.7.7"));
        ByteBuffer bytes = ifreq.buffer().order(ByteOrder.nativeOrder());
        assertThat(bytes.getShort(16)).as("sin_family").isEqualTo((short) LinuxAbi.AF_INET);
        assertThat(bytes.getShort(18)).as("sin_port").isZero();
        assertThat(new byte[] {bytes.get(20), bytes.get(21), bytes.get(22), bytes.get(23)})
                .as("sin_addr, network order").containsExactly(10, 6, 7, 7);
        assertThat(ifreq.ipv4()).isEqualTo(InetAddress.getByName("10.6.7.7"));
        assertThat(new IfReq("tun0").intValue(1500).buffer().order(ByteOrder.nativeOrder()).getInt(16)).isEqualTo(1500);
    }

    @Test
    void anIn6IfreqIs24BytesAddressPrefixIndex() throws Exception {
        ByteBuffer bytes = new In6IfReq((Inet6Address) InetAddress.getByName("fd00::7"), 64, 5).buffer()
                .order(ByteOrder.nativeOrder());
        assertThat(bytes.remaining()).isEqualTo(In6IfReq.SIZE).isEqualTo(24);
        assertThat(bytes.get(0)).isEqualTo((byte) 0xfd);
        assertThat(bytes.get(15)).isEqualTo((byte) 7);
        assertThat(bytes.getInt(16)).as("ifr6_prefixlen").isEqualTo(64);
        assertThat(bytes.getInt(20)).as("ifr6_ifindex").isEqualTo(5);
    }

    @Test
    void pollfdsAre8BytesEach() {
        PollFds fds = new PollFds(2).set(0, 11, LinuxAbi.POLLIN).set(1, 12, LinuxAbi.POLLIN);
        ByteBuffer bytes = fds.buffer().order(ByteOrder.nativeOrder());
        assertThat(bytes.remaining()).isEqualTo(2 * PollFds.SIZE).isEqualTo(16);
        assertThat(bytes.getInt(8)).isEqualTo(12);
        assertThat(bytes.getShort(12)).isEqualTo(LinuxAbi.POLLIN);
        bytes.putShort(14, LinuxAbi.POLLERR);
        assertThat(fds.revents(1)).isEqualTo(LinuxAbi.POLLERR);
        fds.clearRevents();
        assertThat(fds.revents(1)).isZero();
    }

    @Test
    void theIoctlNumbersAreThoseOfTheHeaders() {
        // _IOW('T', 202, int) = (1 << 30) | (4 << 16) | ('T' << 8) | 202
        assertThat(LinuxAbi.TUNSETIFF).isEqualTo((1L << 30) | (4 << 16) | ('T' << 8) | 202);
        assertThat(LinuxAbi.TUNSETPERSIST).isEqualTo((1L << 30) | (4 << 16) | ('T' << 8) | 203);
        assertThat(LinuxAbi.SIOCSIFADDR).isEqualTo(0x8916);
        assertThat(LinuxAbi.SIOCDIFADDR).isEqualTo(0x8936);
        assertThat(AddressControl.mask(24)).isEqualTo(address("255.255.255.0"));
        assertThat(AddressControl.mask(0)).isEqualTo(address("0.0.0.0"));
        assertThat(AddressControl.mask(32)).isEqualTo(address("255.255.255.255"));
        assertThat(AddressControl.mask(17)).isEqualTo(address("255.255.128.0"));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
