// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Waits, after an IPv6 address was added, until the kernel no longer marks it tentative, so that
 * the address can be used (a socket bound to it) as soon as {@code addAddress} returns, as with
 * Wintun, whose example adds addresses with {@code DadState = IpDadStatePreferred}. A TUN device
 * skips duplicate address detection (it is {@code IFF_NOARP}), but the kernel still clears the
 * tentative flag from a work queue, a moment after the ioctl returned; binding in that moment
 * fails with {@code EADDRNOTAVAIL}. Reads {@code /proc/net/if_inet6} of the caller's namespace.
 * Stateless; thread-safe.
 */
final class Ipv6Readiness {

    /** IFA_F_TENTATIVE (linux/if_addr.h). */
    private static final int IFA_F_TENTATIVE = 0x40;
    private static final Path ADDRESSES = Path.of("/proc/net/if_inet6");
    /** Far above the microseconds the work queue takes; past it the address is left as it is. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private Ipv6Readiness() {
    }

    /**
     * @param ifindex the interface index
     * @param address the address just added to it
     */
    static void awaitUsable(int ifindex, Inet6Address address) {
        String wanted = hex(address.getAddress());
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (isTentative(wanted, ifindex) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lines read: {@code <32 hex digits> <ifindex> <prefix> <scope> <flags> <name>}, numbers in hex. */
    private static boolean isTentative(String address, int ifindex) {
        List<String> lines;
        try {
            lines = Files.readAllLines(ADDRESSES);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            try {
                if (fields.length >= 5 && fields[0].equals(address) && Integer.parseInt(fields[1], 16) == ifindex) {
                    return (Integer.parseInt(fields[4], 16) & IFA_F_TENTATIVE) != 0;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }
}
