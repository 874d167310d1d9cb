// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.platform.CrossPlatformBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code setMtu} and {@code mtu} name the IP Helper call that failed: {@code setMtu} reads each family's row
 * ({@code GetIpInterfaceEntry}) before it writes it ({@code SetIpInterfaceEntry}), and a failure of either is
 * reported under its own name (it once named the read's failure after the write).
 */
public abstract class WindowsMtuFaultTest {

    private WintunDriver driver;
    private Adapter adapter;

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @BeforeEach
    void open() {
        SimFaults.bind();
        driver = backend().openDriver(Simulator.dll());
        adapter = driver.createAdapter("mtufault" + ProcessHandle.current().pid() % 10000, "Test", null);
    }

    @AfterEach
    void close() {
        SimFaults.WintunSimResetCalls();
        driver.close();
    }

    private WintunException setMtuFailing(String function, int nth, int error) {
        SimFaults.failCall(function, nth, error);
        WintunException thrown = catchThrowableOfType(WintunException.class, () -> adapter.setMtu(1400));
        assertThat(SimFaults.WintunSimFaultFired()).as("the fault fired").isEqualTo(1);
        return thrown;
    }

    @Test
    void aFailingReadOfTheIpv4RowIsReportedAsTheRead() {
        WintunException thrown = setMtuFailing("GetIpInterfaceEntry", 1, WintunErrors.ERROR_ACCESS_DENIED);

        assertThat(thrown.operation()).isEqualTo("GetIpInterfaceEntry");
        assertThat(thrown.errorCode()).isEqualTo(WintunErrors.ERROR_ACCESS_DENIED);
        assertThat(thrown.getMessage()).startsWith("GetIpInterfaceEntry failed: ERROR_ACCESS_DENIED (5): setting the"
                + " IPv4 MTU of \"" + adapter.name() + "\" to 1400");
    }

    @Test
    void aFailingReadOfTheIpv6RowIsReportedAsTheRead() {
        WintunException thrown = setMtuFailing("GetIpInterfaceEntry", 2, WintunErrors.ERROR_INVALID_PARAMETER);

        assertThat(thrown.operation()).isEqualTo("GetIpInterfaceEntry");
        assertThat(thrown.errorCode()).isEqualTo(WintunErrors.ERROR_INVALID_PARAMETER);
        assertThat(thrown.getMessage()).contains("setting the IPv6 MTU");
    }

    @Test
    void aFailingWriteIsReportedAsTheWrite() {
        WintunException thrown = setMtuFailing("SetIpInterfaceEntry", 1, WintunErrors.ERROR_ACCESS_DENIED);

        assertThat(thrown.operation()).isEqualTo("SetIpInterfaceEntry");
        assertThat(thrown.errorCode()).isEqualTo(WintunErrors.ERROR_ACCESS_DENIED);
        assertThat(thrown.getMessage()).contains("setting the IPv4 MTU");
    }

    @Test
    void aFamilyThatIsOffIsSkipped() {
        SimFaults.failCall("GetIpInterfaceEntry", 1, WintunErrors.ERROR_NOT_FOUND);

        adapter.setMtu(1400);

        assertThat(SimFaults.WintunSimCallCount("SetIpInterfaceEntry")).as("only IPv6 written").isEqualTo(1);
        SimFaults.failCall("GetIpInterfaceEntry", 1, WintunErrors.ERROR_NOT_FOUND);
        assertThat(adapter.mtu()).as("read from IPv6 while IPv4 is off").isEqualTo(1400);
    }

    @Test
    void aFailingReadOfTheMtuIsReportedAsTheRead() {
        SimFaults.failCall("GetIpInterfaceEntry", 1, WintunErrors.ERROR_ACCESS_DENIED);

        WintunException thrown = catchThrowableOfType(WintunException.class, adapter::mtu);

        assertThat(thrown.operation()).isEqualTo("GetIpInterfaceEntry");
        assertThat(thrown.errorCode()).isEqualTo(WintunErrors.ERROR_ACCESS_DENIED);
        assertThat(thrown.getMessage()).contains("reading the MTU of");
    }
}
