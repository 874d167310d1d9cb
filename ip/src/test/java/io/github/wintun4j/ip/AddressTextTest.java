// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressTextTest {

    @ParameterizedTest
    @CsvSource({
            "10.6.7.7, 10.6.7.7",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1",
            // RFC 5952 4.2.2: one zero group is not shortened
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            // RFC 5952 4.2.3: the longest run, the first on a tie
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "::, ::",
            "::1, ::1",
            "fe80::, fe80::",
            "FD00:0:0:0:0:0:0:ABCD, fd00::abcd",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
    })
    void formats(String literal, String expected) {
        assertThat(AddressText.format(Hex.ip(literal))).isEqualTo(expected);
    }

    @Test
    void ipv4MappedStaysIpv6AndPrintsDotted() {
        byte[] mapped = Hex.bytes("00000000000000000000ffff0a060707");
        Inet6Address address = AddressCodec.ipv6(mapped);
        assertThat(AddressText.format(address)).isEqualTo("::ffff:10.6.7.7");
    }

    @Test
    void rawIpv4() {
        assertThat(AddressText.ipv4(0x0A060708)).isEqualTo("10.6.7.8");
        assertThat(AddressText.ipv4(0xFFFFFFFF)).isEqualTo("255.255.255.255");
    }

    @Test
    void nullIsRejectedByName() {
        assertThatThrownBy(() -> AddressText.format(null)).hasMessageContaining("address");
    }
}
