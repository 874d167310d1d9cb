// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.util.List;
import java.util.Map;

import static io.github.wintun4j.linux.sys.Errno.EACCES;
import static io.github.wintun4j.linux.sys.Errno.EADDRNOTAVAIL;
import static io.github.wintun4j.linux.sys.Errno.EAFNOSUPPORT;
import static io.github.wintun4j.linux.sys.Errno.EAGAIN;
import static io.github.wintun4j.linux.sys.Errno.EBADFD;
import static io.github.wintun4j.linux.sys.Errno.EBUSY;
import static io.github.wintun4j.linux.sys.Errno.EEXIST;
import static io.github.wintun4j.linux.sys.Errno.EINTR;
import static io.github.wintun4j.linux.sys.Errno.EINVAL;
import static io.github.wintun4j.linux.sys.Errno.EIO;
import static io.github.wintun4j.linux.sys.Errno.EMFILE;
import static io.github.wintun4j.linux.sys.Errno.ENODEV;
import static io.github.wintun4j.linux.sys.Errno.ENOENT;
import static io.github.wintun4j.linux.sys.Errno.ENOMEM;
import static io.github.wintun4j.linux.sys.Errno.EPERM;

/**
 * The errnos each call is failed with: those its man page (open(2), close(2), ioctl(2) with netdevice(7)
 * and the TUN driver, read(2), write(2), poll(2), eventfd(2), socket(2)) and the TUN driver
 * (drivers/net/tun.c: EBADFD once the device is detached, EIO when it is down) document for the way the
 * Linux support calls it. EINTR and EAGAIN go only to the calls that can block or find nothing to do; an
 * ioctl on a TUN device or a datagram socket never returns them.
 */
final class LinuxFaultPlan {

    private LinuxFaultPlan() {
    }

    private static final Map<String, List<Integer>> ERRNOS = Map.ofEntries(
            Map.entry("open", List.of(EACCES, ENOENT, EMFILE, ENOMEM)),
            Map.entry("close", List.of(EINTR, EIO)),
            Map.entry("ioctl TUNSETIFF", List.of(EPERM, EBUSY, EINVAL, ENOMEM)),
            Map.entry("ioctl TUNSETPERSIST", List.of(EPERM, EBADFD)),
            Map.entry("ioctl TUNSETOFFLOAD", List.of(EINVAL, EBADFD)),
            Map.entry("ioctl SIOCGIFINDEX", List.of(ENODEV)),
            Map.entry("ioctl SIOCGIFFLAGS", List.of(ENODEV)),
            Map.entry("ioctl SIOCSIFFLAGS", List.of(EPERM, ENODEV)),
            Map.entry("ioctl SIOCGIFMTU", List.of(ENODEV)),
            Map.entry("ioctl SIOCSIFMTU", List.of(EPERM, EINVAL, ENODEV)),
            Map.entry("ioctl SIOCGIFADDR", List.of(EADDRNOTAVAIL, ENODEV)),
            Map.entry("ioctl SIOCGIFNETMASK", List.of(EADDRNOTAVAIL, ENODEV)),
            Map.entry("ioctl SIOCSIFADDR", List.of(EPERM, EEXIST, EINVAL)),
            Map.entry("ioctl SIOCSIFNETMASK", List.of(EPERM, EINVAL)),
            Map.entry("ioctl SIOCDIFADDR", List.of(EPERM, EADDRNOTAVAIL)),
            Map.entry("read tun", List.of(EAGAIN, EINTR, EIO, EBADFD)),
            Map.entry("read eventfd", List.of(EAGAIN, EINTR)),
            Map.entry("write tun", List.of(EAGAIN, EINTR, EIO, EBADFD, ENOMEM)),
            Map.entry("write eventfd", List.of(EAGAIN, EINTR)),
            Map.entry("poll", List.of(EINTR, ENOMEM)),
            Map.entry("eventfd", List.of(EMFILE, ENOMEM)),
            Map.entry("socket AF_INET", List.of(EMFILE, EAFNOSUPPORT, ENOMEM)),
            Map.entry("socket AF_INET6", List.of(EMFILE, EAFNOSUPPORT, ENOMEM)),
            Map.entry("bind", List.of(EPERM, EINVAL)),
            Map.entry("setsockopt", List.of(EPERM, EINVAL)));

    /** @return the errnos of a call site (the thread role, " (rx thread)", does not change them) */
    static List<Integer> errnos(String site) {
        int role = site.indexOf(" (");
        String call = role < 0 ? site : site.substring(0, role);
        List<Integer> errnos = ERRNOS.getOrDefault(call, ERRNOS.get(call.split(" ")[0])); // close: any descriptor
        if (errnos == null) {
            throw new AssertionError("no errnos planned for the call site " + site);
        }
        return errnos;
    }

    /** @return whether the errno lasts: a detached (EBADFD) or downed (EIO) device keeps failing alike */
    static boolean lasts(int errno) {
        return errno == EBADFD || errno == EIO;
    }
}
