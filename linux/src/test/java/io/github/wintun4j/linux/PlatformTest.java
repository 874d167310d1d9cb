// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.DriverVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small platform facts: supported systems, the kernel as driver version, the LUID */
class PlatformTest {

    @Test
    void linuxOnX8664AndAarch64IsSupportedAndEverythingElseSaysWhy() {
        assertThat(LinuxBackend.unsupportedPlatform("Linux", "amd64")).isNull();
        assertThat(LinuxBackend.unsupportedPlatform("Linux", "aarch64")).isNull();
        assertThat(LinuxBackend.unsupportedPlatform("Windows 11", "amd64"))
                .contains("wintun.dll");
        assertThat(LinuxBackend.unsupportedPlatform("Mac OS X", "aarch64")).contains("unsupported OS 'Mac OS X'");
        assertThat(LinuxBackend.unsupportedPlatform("Linux", "riscv64")).contains("unsupported architecture 'riscv64'");
    }

    @Test
    void theDriverVersionIsTheKernelsMajorAndMinor() {
        assertThat(KernelVersion.parse("6.1.0-18-amd64")).isEqualTo(new DriverVersion(6, 1));
        assertThat(KernelVersion.parse("6.18.44-fc-v657")).isEqualTo(new DriverVersion(6, 18));
        assertThat(KernelVersion.parse("garbage")).isEqualTo(new DriverVersion(0, 0));
        assertThat(KernelVersion.parse(null)).isEqualTo(new DriverVersion(0, 0));
        assertThat(KernelVersion.parse("999999.1")).isEqualTo(new DriverVersion(0, 0));
    }

    @Test
    void theOffloadsASessionWouldTakeAreToldFromTheKernelsVersion() {
        assertThat(TunOffloads.expectedOn(new DriverVersion(6, 2)).names()).containsExactly("checksum", "TSO", "USO");
        assertThat(TunOffloads.expectedOn(new DriverVersion(6, 18)).names()).containsExactly("checksum", "TSO", "USO");
        assertThat(TunOffloads.expectedOn(new DriverVersion(7, 0)).names()).containsExactly("checksum", "TSO", "USO");
        assertThat(TunOffloads.expectedOn(new DriverVersion(6, 1)).names()).containsExactly("checksum", "TSO");
        assertThat(TunOffloads.expectedOn(new DriverVersion(5, 19)).names()).containsExactly("checksum", "TSO");
        assertThat(TunOffloads.expectedOn(new DriverVersion(0, 0)).names()).as("kernel unknown").containsExactly("checksum", "TSO");
        assertThat(new LinuxBackend("test", 1, "io.github.example", FakeKernel::new) { }.sessionOffloads())
                .isEqualTo(TunOffloads.expectedOn(KernelVersion.running()).names());
    }

    @Test
    void theOffloadsAreDescribedAsTheDemoAndTheAdapterPrintThem() {
        assertThat(TunOffloads.NONE.names()).isEmpty();
        assertThat(TunOffloads.NONE.describe()).isEqualTo("offloads off");
        assertThat(new TunOffloads(true, false).describe()).isEqualTo("offloads on (checksum, TSO)");
        assertThat(new TunOffloads(true, true).describe()).isEqualTo("offloads on (checksum, TSO, USO)");
    }

    @Test
    void theLuidIsWintunsWithTheInterfaceIndex() {
        assertThat(LinuxAdapter.luidOf(5)).isEqualTo(0x0035_0000_0500_0000L);
        assertThat(LinuxAdapter.luidOf(5) >>> 48).isEqualTo(53);
        assertThat(LinuxAdapter.luidOf(0x123456) & 0xFF_FFFFL).as("reserved bits").isZero();
    }
}
