// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.internal.Arguments;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static io.github.wintun4j.tck.WintunAssertions.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Configure it, then set it up": IPv4 and IPv6 addresses with their prefix length, and the MTU
 * ({@link Adapter} Javadoc; reference sections 2 and 4).
 */
public interface AdapterConfigurationContract extends WintunFixture {

    @Test
    default void anIpv4AddressIsAddedOnceAndRemovedOnce() throws UnknownHostException {
        assertAddOnceRemoveOnce(newAdapter(), InetAddress.getByName("10.77.7.7"), 24);
    }

    @Test
    default void anIpv6AddressIsAddedOnceAndRemovedOnce() throws UnknownHostException {
        Adapter adapter = newAdapter();
        adapter.setMtu(1280); // IPv6 needs at least 1280 on the interface
        assertAddOnceRemoveOnce(adapter, InetAddress.getByName("fd77::7"), 64);
    }

    @Test
    default void anAdapterHoldsAddressesOfBothFamiliesAtOnce() throws UnknownHostException {
        Adapter adapter = newAdapter();
        InetAddress v4 = InetAddress.getByName("10.77.8.8");
        InetAddress v6 = InetAddress.getByName("fd77::8");
        adapter.setMtu(1280);
        adapter.addAddress(v4, 24);
        adapter.addAddress(v6, 64);
        assertWintunError(WintunErrors.ERROR_OBJECT_ALREADY_EXISTS, () -> adapter.addAddress(v4, 24));
        assertWintunError(WintunErrors.ERROR_OBJECT_ALREADY_EXISTS, () -> adapter.addAddress(v6, 64));
        adapter.removeAddress(v6, 64);
        adapter.removeAddress(v4, 24);
    }

    @Test
    default void removingAnAbsentAddressFailsWithNotFound() throws UnknownHostException {
        Adapter adapter = newAdapter();
        InetAddress address = InetAddress.getByName("10.77.9.9");
        assertWintunError(WintunErrors.ERROR_NOT_FOUND, () -> adapter.removeAddress(address, 24));
    }

    @Test
    default void aPrefixLengthOutsideTheFamilyIsAnIllegalArgument() throws UnknownHostException {
        Adapter adapter = newAdapter();
        InetAddress v4 = InetAddress.getByName("10.77.10.10");
        InetAddress v6 = InetAddress.getByName("fd77::10");
        adapter.setMtu(1280);
        Object[][] cases = {{v4, -1}, {v4, 33}, {v6, -1}, {v6, 129}};
        for (Object[] c : cases) {
            InetAddress address = (InetAddress) c[0];
            int prefix = (Integer) c[1];
            assertThatThrownBy(() -> adapter.addAddress(address, prefix))
                    .as("addAddress(%s, %d)", address, prefix)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(() -> Arguments.requirePrefix(address, prefix)));
        }
        assertThatCode(() -> {
            adapter.addAddress(v4, 32);
            adapter.addAddress(v6, 128);
        }).as("the largest prefix lengths are valid").doesNotThrowAnyException();
    }

    @Test
    default void aNewAdapterReportsItsInitialMtu() {
        int mtu = newAdapter().mtu();
        if (initialMtu().isPresent()) {
            assertThat(mtu).as("Wintun adapters start at 65535").isEqualTo(initialMtu().getAsInt());
        } else {
            assertThat(mtu).as("an MTU the system picked").isBetween(68, 0xFFFF);
        }
    }

    @Test
    default void theMtuIsSetAndReadBackAcrossItsRange() {
        Adapter adapter = newAdapter();
        for (int mtu : new int[] {1500, 576, 1280, 9000, 0xFFFF}) {
            adapter.setMtu(mtu);
            assertThat(adapter.mtu()).as("MTU after setMtu(%d)", mtu).isEqualTo(mtu);
        }
    }

    @Test
    default void anMtuOutOfRangeIsAnIllegalArgumentAndChangesNothing() {
        Adapter adapter = newAdapter();
        adapter.setMtu(1400);
        for (int mtu : new int[] {575, 0x10000, 0, -1}) {
            assertThatThrownBy(() -> adapter.setMtu(mtu))
                    .as("setMtu(%d)", mtu)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(() -> Arguments.requireMtu(mtu)));
        }
        assertThat(adapter.mtu()).isEqualTo(1400);
    }

    private static void assertAddOnceRemoveOnce(Adapter adapter, InetAddress address, int prefix) {
        adapter.addAddress(address, prefix);
        assertWintunError(WintunErrors.ERROR_OBJECT_ALREADY_EXISTS, () -> adapter.addAddress(address, prefix));
        adapter.removeAddress(address, prefix);
        assertWintunError(WintunErrors.ERROR_NOT_FOUND, () -> adapter.removeAddress(address, prefix));
        // Once removed it can be added again.
        adapter.addAddress(address, prefix);
        adapter.removeAddress(address, prefix);
    }
}
