// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.IfReq;
import io.github.wintun4j.linux.sys.In6IfReq;
import io.github.wintun4j.linux.sys.LinuxAbi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IP addresses through the classic ioctls (linux/sockios.h), on AF_INET and AF_INET6 datagram
 * sockets.
 *
 * <p>IPv6 maps directly: SIOCSIFADDR / SIOCDIFADDR with a {@code struct in6_ifreq} (the kernel
 * answers EEXIST for an address already there and EADDRNOTAVAIL for one that is not).
 *
 * <p>IPv4 ioctls hold one address per <em>label</em>: the interface name, then the alias labels
 * {@code "name:0"}, {@code "name:1"}, ... (as {@code ifconfig} does), and SIOCSIFADDR on a label that
 * has an address replaces it. So adding an address looks for the address on every label (present:
 * {@code ERROR_OBJECT_ALREADY_EXISTS}) and takes the first free label; SIOCSIFADDR then sets a
 * classful prefix that SIOCSIFNETMASK narrows at once. Removing sets 0.0.0.0 on the address's label,
 * which deletes it. Labels must fit 15 bytes too, so a 15-byte name leaves room for one IPv4 address.
 * Stateless; thread-safe.
 */
final class AddressControl {

    /** The most alias labels looked at: {@code name:0} .. {@code name:99}. */
    static final int MAX_ALIASES = 100;

    private final InterfaceControl control;

    AddressControl(InterfaceControl control) {
        this.control = control;
    }

    void add(String operation, String name, int ifindex, InetAddress address, int prefixLength) {
        requireUnicast(operation, address);
        if (address instanceof Inet4Address) {
            addIpv4(operation, name, (Inet4Address) address, prefixLength);
        } else {
            ipv6(operation, LinuxAbi.SIOCSIFADDR, name, ifindex, (Inet6Address) address, prefixLength);
            Ipv6Readiness.awaitUsable(ifindex, (Inet6Address) address);
        }
    }

    void remove(String operation, String name, int ifindex, InetAddress address, int prefixLength) {
        if (address instanceof Inet4Address) {
            removeIpv4(operation, name, (Inet4Address) address, prefixLength);
        } else {
            ipv6(operation, LinuxAbi.SIOCDIFADDR, name, ifindex, (Inet6Address) address, prefixLength);
        }
    }

    private static void requireUnicast(String operation, InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            throw new WintunException(operation, WintunErrors.ERROR_INVALID_PARAMETER,
                    address.getHostAddress() + " is not a unicast address");
        }
    }

    private void ipv6(String operation, long request, String name, int ifindex, Inet6Address address,
                      int prefixLength) {
        String action = (request == LinuxAbi.SIOCSIFADDR ? "SIOCSIFADDR " : "SIOCDIFADDR ")
                + address.getHostAddress() + '/' + prefixLength + " on \"" + name + '"';
        try {
            control.onSocket(LinuxAbi.AF_INET6, socket -> control.sys().ioctl(socket, request,
                    new In6IfReq(address, prefixLength, ifindex).buffer()));
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EINVAL && request == LinuxAbi.SIOCSIFADDR) {
                throw LinuxErrors.of(operation, WintunErrors.ERROR_INVALID_PARAMETER, action, e,
                        "IPv6 needs an MTU of at least 1280 on the interface");
            }
            throw LinuxErrors.of(operation, action, e);
        }
    }

    private void addIpv4(String operation, String name, Inet4Address address, int prefixLength) {
        String shown = address.getHostAddress() + '/' + prefixLength;
        List<Label> labels = scan(operation, name);
        String free = null;
        for (Label label : labels) {
            if (label.address.filter(address::equals).isPresent()) {
                throw new WintunException(operation, WintunErrors.ERROR_OBJECT_ALREADY_EXISTS,
                        address.getHostAddress() + " is already assigned to \"" + name + "\" (label " + label.name + ')');
            }
            if (free == null && label.address.isEmpty()) {
                free = label.name;
            }
        }
        if (free == null) {
            throw new WintunException(operation, WintunErrors.ERROR_NOT_SUPPORTED, "no free IPv4 address label on \""
                    + name + "\" for " + shown + ": the Linux ioctls hold one IPv4 address per label (\"" + name
                    + "\", \"" + name + ":0\", ...) and a label must fit " + InterfaceNames.MAX_BYTES + " bytes");
        }
        String label = free;
        String action = "SIOCSIFADDR / SIOCSIFNETMASK " + shown + " on \"" + label + '"';
        try {
            control.ifreq(label, LinuxAbi.SIOCSIFADDR, new IfReq(label).ipv4(address));
        } catch (ErrnoException e) {
            throw LinuxErrors.of(operation, action, e);
        }
        try {
            control.ifreq(label, LinuxAbi.SIOCSIFNETMASK, new IfReq(label).ipv4(mask(prefixLength)));
        } catch (ErrnoException e) {
            clear(label);
            throw LinuxErrors.of(operation, action, e);
        }
        Optional<Inet4Address> assigned;
        try {
            assigned = read(operation, label, LinuxAbi.SIOCGIFADDR);
        } catch (WintunException e) {
            clear(label);
            throw e;
        }
        if (!address.equals(assigned.orElse(null))) {
            // The kernel drops the address silently when the new prefix makes it collide with the
            // same address under a label this scan does not know (one set by another tool).
            clear(label);
            throw new WintunException(operation, WintunErrors.ERROR_OBJECT_ALREADY_EXISTS,
                    address.getHostAddress() + " is already assigned to \"" + name + '"');
        }
    }

    private void removeIpv4(String operation, String name, Inet4Address address, int prefixLength) {
        Inet4Address mask = mask(prefixLength);
        for (Label label : scan(operation, name)) {
            if (label.address.filter(address::equals).isPresent()
                    && read(operation, label.name, LinuxAbi.SIOCGIFNETMASK).filter(mask::equals).isPresent()) {
                try {
                    control.ifreq(label.name, LinuxAbi.SIOCSIFADDR, new IfReq(label.name).ipv4(mask(0)));
                    return;
                } catch (ErrnoException e) {
                    throw LinuxErrors.of(operation, "SIOCSIFADDR 0.0.0.0 on \"" + label.name + '"', e);
                }
            }
        }
        throw new WintunException(operation, WintunErrors.ERROR_NOT_FOUND, "\"" + name + "\" has no address "
                + address.getHostAddress() + '/' + prefixLength);
    }

    /** The labels of the interface that fit 15 bytes, each with its address when it has one. */
    private List<Label> scan(String operation, String name) {
        control.index(operation, name);
        List<Label> labels = new ArrayList<>();
        labels.add(new Label(name, read(operation, name, LinuxAbi.SIOCGIFADDR)));
        for (int i = 0; i < MAX_ALIASES; i++) {
            String alias = name + ':' + i;
            if (alias.getBytes(StandardCharsets.UTF_8).length > InterfaceNames.MAX_BYTES) {
                break;
            }
            labels.add(new Label(alias, read(operation, alias, LinuxAbi.SIOCGIFADDR)));
        }
        return labels;
    }

    /**
     * @return the address SIOCGIFADDR or SIOCGIFNETMASK reports for a label, empty when it has none
     *         (EADDRNOTAVAIL)
     * @throws WintunException when the read fails otherwise (no socket, say): taking that for "no address"
     *                         would put a second address on a label, or report a set address as taken
     */
    private Optional<Inet4Address> read(String operation, String label, long request) {
        try {
            return Optional.of(control.ifreq(label, request, new IfReq(label).ipv4(mask(0))).ipv4());
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EADDRNOTAVAIL) {
                return Optional.empty();
            }
            throw LinuxErrors.of(operation, (request == LinuxAbi.SIOCGIFADDR ? "SIOCGIFADDR" : "SIOCGIFNETMASK")
                    + " on \"" + label + '"', e);
        }
    }

    private void clear(String label) {
        try {
            control.ifreq(label, LinuxAbi.SIOCSIFADDR, new IfReq(label).ipv4(mask(0)));
        } catch (ErrnoException ignored) {
            // Best effort while reporting the first failure.
        }
    }

    /** @return the netmask of a prefix length, as an address */
    static Inet4Address mask(int prefixLength) {
        int bits = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        byte[] bytes = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes always make an IPv4 address", e);
        }
    }

    /** A label and its address. */
    private static final class Label {
        final String name;
        final Optional<Inet4Address> address;

        Label(String name, Optional<Inet4Address> address) {
            this.name = name;
            this.address = address;
        }
    }
}
