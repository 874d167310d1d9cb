// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.spi.BackendAvailability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a Linux backend answers when asked whether it can run, for every reason it cannot. Never a throw. */
class BackendAvailabilityTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(LinuxBackend.unsupportedPlatform(System.getProperty("os.name"), System.getProperty("os.arch")) == null,
                "the platform checks come first elsewhere; PlatformTest covers them");
    }

    private static LinuxBackend backend(LinuxBackend.Binder binder) {
        return new LinuxBackend("test", 5, "io.github.example", binder) { };
    }

    @Test
    void usableWhenTheCloneDeviceOpens() {
        FakeKernel kernel = new FakeKernel();
        BackendAvailability availability = backend(() -> kernel).availability();
        assertThat(availability.usable()).isTrue();
        assertThat(kernel.openDescriptors()).as("the probe closes what it opened").isZero();
    }

    @Test
    void eachReasonTheDeviceCannotOpenIsNamed() {
        assertThat(reason(Errno.ENOENT)).contains("no device node /dev/net/tun").contains("modprobe tun");
        assertThat(reason(Errno.EACCES)).contains("not permitted").contains("CAP_NET_ADMIN");
        assertThat(reason(Errno.EPERM)).contains("not permitted").contains("CAP_NET_ADMIN");
        assertThat(reason(Errno.ENODEV)).contains("TUN driver is not loaded");
        assertThat(reason(Errno.EIO)).contains("EIO (errno 5");
    }

    private static String reason(int errno) {
        BackendAvailability availability = backend(() -> new FakeKernel().failOpenWith(errno)).availability();
        assertThat(availability.usable()).isFalse();
        return availability.reason();
    }

    @Test
    void aJvmWithoutNativeAccessIsToldTheFlag() {
        BackendAvailability availability = backend(() -> {
            throw new IllegalCallerException("native access denied");
        }).availability();
        assertThat(availability.usable()).isFalse();
        assertThat(availability.reason()).contains("--enable-native-access=ALL-UNNAMED")
                .contains("--enable-native-access=io.github.example");
    }

    @Test
    void aBindingThatFailsInAnyWayIsAReasonNotAThrow() {
        assertThat(backend(() -> {
            throw new BindingUnavailableException("no linker here", null);
        }).availability().reason()).isEqualTo("no linker here");
        assertThat(backend(() -> {
            throw new UnsatisfiedLinkError("libjnidispatch.so");
        }).availability().reason()).contains("failed to load").contains("libjnidispatch.so");
        assertThat(backend(() -> {
            throw new IllegalStateException("boom");
        }).availability().reason()).contains("boom");
    }

    @Test
    void openingAnUnusableBackendSaysWhyWithNotSupported() {
        LinuxBackend backend = backend(() -> new FakeKernel().failOpenWith(Errno.EACCES));
        assertThatThrownBy(backend::openDriver).isInstanceOf(WintunException.class)
                .satisfies(e -> assertThat(((WintunException) e).errorCode()).isEqualTo(WintunErrors.ERROR_NOT_SUPPORTED))
                .hasMessageContaining("backend 'test' cannot run here").hasMessageContaining("CAP_NET_ADMIN");
    }

    @Test
    void theBindingIsMadeOnceItSucceeds() {
        int[] binds = {0};
        FakeKernel kernel = new FakeKernel();
        LinuxBackend backend = backend(() -> {
            binds[0]++;
            return kernel;
        });
        backend.availability();
        backend.availability();
        backend.openDriver().close();
        assertThat(binds[0]).isEqualTo(1);
        assertThat(backend.name()).isEqualTo("test");
        assertThat(backend.isNative()).isTrue();
        assertThat(backend.priority()).isEqualTo(5);
    }
}
