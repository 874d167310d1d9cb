// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.sys;

/**
 * A libc call failed and set {@code errno}. Carries the call's name and the number; the message
 * reads like {@code ioctl: EBUSY (errno 16, Device or resource busy)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ErrnoException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    /**
     * @param call  the libc function, such as {@code "ioctl"}
     * @param errno the {@code errno} it set
     */
    public ErrnoException(String call, int errno) {
        super(call + ": " + Errno.describe(errno));
        this.call = call;
        this.errno = errno;
    }

    /** @return the libc function that failed */
    public String call() {
        return call;
    }

    /** @return the {@code errno} value */
    public int errno() {
        return errno;
    }

    /** @return the symbolic name, such as {@code "EBUSY"} */
    public String errnoName() {
        return Errno.nameOf(errno);
    }
}
