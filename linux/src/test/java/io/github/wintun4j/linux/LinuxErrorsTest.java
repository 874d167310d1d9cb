// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one mapping from errno to the API's Windows codes, and what the messages say. */
class LinuxErrorsTest {

    @Test
    void errnoValuesMapToTheWindowsCodesAHostHandles() {
        assertThat(LinuxErrors.windowsCode(Errno.EPERM)).isEqualTo(WintunErrors.ERROR_ACCESS_DENIED);
        assertThat(LinuxErrors.windowsCode(Errno.EACCES)).isEqualTo(WintunErrors.ERROR_ACCESS_DENIED);
        assertThat(LinuxErrors.windowsCode(Errno.ENODEV)).isEqualTo(WintunErrors.ERROR_NOT_FOUND);
        assertThat(LinuxErrors.windowsCode(Errno.ENXIO)).isEqualTo(WintunErrors.ERROR_NOT_FOUND);
        assertThat(LinuxErrors.windowsCode(Errno.EADDRNOTAVAIL)).isEqualTo(WintunErrors.ERROR_NOT_FOUND);
        assertThat(LinuxErrors.windowsCode(Errno.EBUSY)).isEqualTo(WintunErrors.ERROR_ALREADY_INITIALIZED);
        assertThat(LinuxErrors.windowsCode(Errno.EEXIST)).isEqualTo(WintunErrors.ERROR_OBJECT_ALREADY_EXISTS);
        assertThat(LinuxErrors.windowsCode(Errno.EINVAL)).isEqualTo(WintunErrors.ERROR_INVALID_PARAMETER);
        assertThat(LinuxErrors.windowsCode(Errno.EBADFD)).isEqualTo(WintunErrors.ERROR_HANDLE_EOF);
        assertThat(LinuxErrors.windowsCode(Errno.EAFNOSUPPORT)).isEqualTo(WintunErrors.ERROR_NOT_SUPPORTED);
        assertThat(LinuxErrors.windowsCode(Errno.ENOMEM)).isEqualTo(8);
        assertThat(LinuxErrors.windowsCode(Errno.EMFILE)).isEqualTo(4);
        assertThat(LinuxErrors.windowsCode(12345)).isEqualTo(31);
    }

    @Test
    void theMessageNamesTheOperationTheActionTheErrnoAndTheWindowsCode() {
        WintunException error = LinuxErrors.of("WintunCreateAdapter", "TUNSETIFF creating \"demo\"",
                new ErrnoException("ioctl", Errno.EPERM));
        assertThat(error.errorCode()).isEqualTo(WintunErrors.ERROR_ACCESS_DENIED);
        assertThat(error.operation()).isEqualTo("WintunCreateAdapter");
        assertThat(error.getMessage())
                .startsWith("WintunCreateAdapter failed: ERROR_ACCESS_DENIED (5): TUNSETIFF creating \"demo\"")
                .contains("EPERM (errno 1, Operation not permitted)")
                .contains("CAP_NET_ADMIN");
        assertThat(error.getCause()).isInstanceOf(ErrnoException.class);
    }

    @Test
    void aCallSiteMayGiveTheCodeThatFailureMeansThere() {
        WintunException error = LinuxErrors.of("WintunCreateAdapter", WintunErrors.ERROR_ALREADY_EXISTS, "TUNSETIFF",
                new ErrnoException("ioctl", Errno.EBUSY));
        assertThat(error.errorCode()).isEqualTo(WintunErrors.ERROR_ALREADY_EXISTS);
        assertThat(error.getMessage()).contains("EBUSY (errno 16, Device or resource busy)");
    }

    @Test
    void errnoExceptionsReadWell() {
        ErrnoException failure = new ErrnoException("read", Errno.EBADFD);
        assertThat(failure.getMessage()).isEqualTo("read: EBADFD (errno 77, File descriptor in bad state)");
        assertThat(failure.errnoName()).isEqualTo("EBADFD");
        assertThat(new ErrnoException("poll", 999).getMessage()).isEqualTo("poll: errno 999");
    }
}
