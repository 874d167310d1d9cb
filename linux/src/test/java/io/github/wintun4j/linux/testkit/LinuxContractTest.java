// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.linux.LinuxBackend;
import io.github.wintun4j.linux.RealDevices;
import io.github.wintun4j.tck.NetworkSide;
import io.github.wintun4j.tck.WintunContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole contract kit on real TUN devices, for a backend that binds the Linux support: a
 * subclass only names its backend. Every test runs in the network namespace the test JVM was
 * started in; the network side is played through the kernel ({@code LinuxNetworkSide}).
 *
 * <p>Where Linux differs from Wintun, the kit's hooks say so: names hold at most 15 bytes, and a
 * new adapter with the name of an existing interface fails with {@code ERROR_ALREADY_EXISTS}
 * rather than renaming it. The initial MTU is Wintun's 65535, as the kit expects by default.
 */
public abstract class LinuxContractTest extends WintunContractTest {

    private RealDevices devices;

    /** @return the backend under test */
    protected abstract LinuxBackend backend();

    /**
     * @return whether the kit's sessions ask for offloads ({@code IFF_VNET_HDR}, GSO split and
     *         merge); the kit runs once with and once without, and the application must not see
     *         a difference
     */
    protected boolean offloads() {
        return true;
    }

    @Test
    void sessionsUseOffloadsExactlyWhenAsked() {
        try (Adapter adapter = devices.driver().createAdapter(RealDevices.uniqueName("off"), "Kit", null);
             Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            assertThat(session.offloadsActive())
                    .as("offloads of a session on a kernel that has them (Linux 4.x and later), asked: %s", offloads())
                    .isEqualTo(offloads());
            assertThat(adapter.toString()).contains(offloads() ? "offloads on" : "offloads off");
        }
    }

    @BeforeAll
    static void requireAnIsolatedNetwork() {
        RealDevices.requireIsolatedNetwork();
    }

    @Override
    protected WintunDriver createDriver() {
        devices = RealDevices.open(backend(), offloads());
        return devices.driver();
    }

    @Override
    protected NetworkSide networkSide(WintunDriver driver, Adapter adapter) {
        return devices.networkSide(adapter);
    }

    @Override
    protected int maxAdapterNameLength() {
        return RealDevices.maxNameBytes();
    }

    @Override
    protected boolean renamesOnDuplicateName() {
        return false;
    }

    @AfterEach
    void closeTheTestNetwork() {
        if (devices != null) {
            devices.close();
        }
    }
}
