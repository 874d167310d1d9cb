// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.sys;

/**
 * The {@code errno} values the Linux support meets, with their names and texts.
 * Source: asm-generic/errno-base.h and asm-generic/errno.h (the same numbers on x86_64 and aarch64).
 * Constants only; thread-safe.
 */
public final class Errno {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ENXIO = 6;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int ENOTTY = 25;
    public static final int ENOSPC = 28;
    public static final int ERANGE = 34;
    public static final int ENOSYS = 38;
    public static final int EBADFD = 77;
    public static final int EMSGSIZE = 90;
    public static final int ENOPROTOOPT = 92;
    public static final int EPROTONOSUPPORT = 93;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int EADDRINUSE = 98;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENETDOWN = 100;
    public static final int ENOBUFS = 105;

    private Errno() {
    }

    /**
     * @param errno an errno value
     * @return its name, such as {@code "EBUSY"}, or {@code "errno <n>"} when not listed here
     */
    public static String nameOf(int errno) {
        String[] entry = lookup(errno);
        return entry != null ? entry[0] : "errno " + errno;
    }

    /**
     * @param errno an errno value
     * @return {@code "EBUSY (errno 16, Device or resource busy)"}
     */
    public static String describe(int errno) {
        String[] entry = lookup(errno);
        return entry != null ? entry[0] + " (errno " + errno + ", " + entry[1] + ")" : "errno " + errno;
    }

    private static String[] lookup(int errno) {
        switch (errno) {
            case EPERM: return new String[] {"EPERM", "Operation not permitted"};
            case ENOENT: return new String[] {"ENOENT", "No such file or directory"};
            case EINTR: return new String[] {"EINTR", "Interrupted system call"};
            case EIO: return new String[] {"EIO", "Input/output error"};
            case ENXIO: return new String[] {"ENXIO", "No such device or address"};
            case EBADF: return new String[] {"EBADF", "Bad file descriptor"};
            case EAGAIN: return new String[] {"EAGAIN", "Resource temporarily unavailable"};
            case ENOMEM: return new String[] {"ENOMEM", "Cannot allocate memory"};
            case EACCES: return new String[] {"EACCES", "Permission denied"};
            case EFAULT: return new String[] {"EFAULT", "Bad address"};
            case EBUSY: return new String[] {"EBUSY", "Device or resource busy"};
            case EEXIST: return new String[] {"EEXIST", "File exists"};
            case ENODEV: return new String[] {"ENODEV", "No such device"};
            case EINVAL: return new String[] {"EINVAL", "Invalid argument"};
            case ENFILE: return new String[] {"ENFILE", "Too many open files in system"};
            case EMFILE: return new String[] {"EMFILE", "Too many open files"};
            case ENOTTY: return new String[] {"ENOTTY", "Inappropriate ioctl for device"};
            case ENOSPC: return new String[] {"ENOSPC", "No space left on device"};
            case ERANGE: return new String[] {"ERANGE", "Numerical result out of range"};
            case ENOSYS: return new String[] {"ENOSYS", "Function not implemented"};
            case EBADFD: return new String[] {"EBADFD", "File descriptor in bad state"};
            case EMSGSIZE: return new String[] {"EMSGSIZE", "Message too long"};
            case ENOPROTOOPT: return new String[] {"ENOPROTOOPT", "Protocol not available"};
            case EPROTONOSUPPORT: return new String[] {"EPROTONOSUPPORT", "Protocol not supported"};
            case EOPNOTSUPP: return new String[] {"EOPNOTSUPP", "Operation not supported"};
            case EAFNOSUPPORT: return new String[] {"EAFNOSUPPORT", "Address family not supported by protocol"};
            case EADDRINUSE: return new String[] {"EADDRINUSE", "Address already in use"};
            case EADDRNOTAVAIL: return new String[] {"EADDRNOTAVAIL", "Cannot assign requested address"};
            case ENETDOWN: return new String[] {"ENETDOWN", "Network is down"};
            case ENOBUFS: return new String[] {"ENOBUFS", "No buffer space available"};
            default: return null;
        }
    }
}
