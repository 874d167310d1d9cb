// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.demo.DemoStatus;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the shell makes of the words a person types: addresses, names, --help. */
class ShellArgumentsTest {

    @Test
    void addressesAreLiteralsAndABadOneSaysWhatIsWrongWithoutAnyLookup() throws Exception {
        assertThat(AddressArgument.parse("10.6.7.7/24")).isEqualTo(
                new AddressArgument(InetAddress.getByAddress(new byte[] {10, 6, 7, 7}), 24));
        assertThat(AddressArgument.parse("fd00::1/64").prefixLength()).isEqualTo(64);
        // 300 is not an octet: InetAddress.getByName would have asked DNS for a host of that name.
        assertThatThrownBy(() -> AddressArgument.parse("10.6.7.300/24")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'10.6.7.300/24' is not an IPv4 address: 300 is over 255 (each of the four numbers is 0..255)");
        assertThatThrownBy(() -> AddressArgument.parse("example.com")).hasMessageContaining("is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> AddressArgument.parse("fd00::g1")).hasMessageContaining("is not an");
        assertThatThrownBy(() -> AddressArgument.parse("10.6.7.7/33")).hasMessageContaining("prefix length of 0..32");
    }

    @Test
    void aWordThatLooksLikeAnOptionIsNeverTakenAsAName() {
        assertThat(PositionalArgument.require("wintun:create", "adapter name", "t1")).isEqualTo("t1");
        assertThatThrownBy(() -> PositionalArgument.require("wintun:create", "adapter name", "--hepl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'--hepl' is not an option of wintun:create and not a valid adapter name (none starts with -);"
                        + " wintun:create --help lists the options");
        assertThatThrownBy(() -> PositionalArgument.require("wintun:close", "adapter name", " "))
                .hasMessage("wintun:close needs the adapter name; wintun:close --help shows how");
    }

    @Test
    void everyCommandHasAUsageMadeFromItsAnnotations() {
        String create = CommandUsage.of(WintunCommands.class, "wintun", "create");
        assertThat(create).startsWith("usage: wintun:create [-h|--help]\n")
                .contains("   or: wintun:create [-h|--help] [-b|--backend BACKEND_NAME] [-a|--address ADDRESS]"
                        + " [-c|--capacity CAPACITY] NAME\n")
                .contains("\ncreates an adapter, assigns an address, starts a session and counts what it receives\n")
                .contains("  -a|--address ADDRESS     an address with its prefix length, such as 10.9.0.1/24\n")
                .contains("  NAME                     the adapter name\n");
        for (String function : new String[] {"wintun", "backends", "adapters", "close", "ping", "stats"}) {
            assertThat(CommandUsage.of(WintunCommands.class, "wintun", function)).as(function)
                    .startsWith("usage: wintun:" + function + " [-h|--help]");
        }
        assertThat(CommandUsage.of(DemoBackendCommand.class, "wintun", "backend"))
                .contains("   or: wintun:backend [-h|--help] NAME\n");
    }

    @Test
    void theBackendCommandNamesTheDemosConfigurationAsTheDemoDoes() {
        assertThat(DemoBackendCommand.DEMO_PID).isEqualTo(DemoStatus.PID);
        assertThat(DemoBackendCommand.DEMO_BACKEND).isEqualTo(DemoStatus.BACKEND);
    }
}
