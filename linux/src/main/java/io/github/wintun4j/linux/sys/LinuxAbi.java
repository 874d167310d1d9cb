// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.sys;

/**
 * The kernel and libc constants the Linux support uses, each with the header it comes from.
 * The values are those of x86_64 and aarch64 (the generic ioctl encoding and {@code fcntl.h}
 * flags), read off the headers of glibc 2.36 / linux-libc-dev 6.1 and checked on a live kernel.
 * Constants only; thread-safe.
 */
public final class LinuxAbi {

    // Source: linux/if_tun.h
    /** {@code _IOW('T', 202, int)}: attach to (or create) the TUN device named in a {@code struct ifreq}. */
    public static final long TUNSETIFF = 0x400454caL;
    /** {@code _IOW('T', 203, int)}: keep the device after the last descriptor closes (1) or not (0). */
    public static final long TUNSETPERSIST = 0x400454cbL;
    /** A layer-3 device: IP packets, no Ethernet header. */
    public static final short IFF_TUN = 0x0001;
    /** No {@code struct tun_pi} before each packet: the bytes are the IP packet. */
    public static final short IFF_NO_PI = 0x1000;
    /** Each read and write starts with a {@code struct virtio_net_hdr} (10 bytes): segmentation offloads. */
    public static final short IFF_VNET_HDR = 0x4000;
    /** {@code _IOW('T', 208, unsigned int)}: the offloads ({@code TUN_F_*}) the reader takes. */
    public static final long TUNSETOFFLOAD = 0x400454d0L;
    /** Packets may come with a partial checksum ({@code VIRTIO_NET_HDR_F_NEEDS_CSUM}). */
    public static final int TUN_F_CSUM = 0x01;
    /** TCP over IPv4 segmentation offload. */
    public static final int TUN_F_TSO4 = 0x02;
    /** TCP over IPv6 segmentation offload. */
    public static final int TUN_F_TSO6 = 0x04;
    /** UDP segmentation offload over IPv4 (Linux 6.2 and later). */
    public static final int TUN_F_USO4 = 0x20;
    /** UDP segmentation offload over IPv6 (Linux 6.2 and later). */
    public static final int TUN_F_USO6 = 0x40;
    /** Fail with EBUSY instead of attaching when the name exists. */
    public static final short IFF_TUN_EXCL = (short) 0x8000;

    // Source: linux/sockios.h
    public static final long SIOCGIFFLAGS = 0x8913;
    public static final long SIOCSIFFLAGS = 0x8914;
    public static final long SIOCGIFADDR = 0x8915;
    public static final long SIOCSIFADDR = 0x8916;
    public static final long SIOCGIFNETMASK = 0x891b;
    public static final long SIOCSIFNETMASK = 0x891c;
    public static final long SIOCGIFMTU = 0x8921;
    public static final long SIOCSIFMTU = 0x8922;
    public static final long SIOCGIFINDEX = 0x8933;
    public static final long SIOCDIFADDR = 0x8936;

    // Source: net/if.h
    /** Interface is administratively up. */
    public static final short IFF_UP = 0x1;
    /** Interface is operational: up, with a carrier (set by the kernel). */
    public static final short IFF_RUNNING = 0x40;
    /** Bytes of an interface name including the NUL: names hold at most 15 bytes. */
    public static final int IFNAMSIZ = 16;

    // Source: fcntl.h (x86_64 and aarch64 values)
    public static final int O_RDWR = 2;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;

    // Source: sys/eventfd.h
    public static final int EFD_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;

    // Source: poll.h (asm-generic/poll.h)
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;

    // Source: sys/socket.h (bits/socket.h)
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 0x80000;

    private LinuxAbi() {
    }
}
