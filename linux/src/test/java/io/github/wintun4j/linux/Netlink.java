// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Deletes a network interface underneath whoever uses it, the way {@code ip link delete} does:
 * one RTM_DELLINK request on a NETLINK_ROUTE socket (rtnetlink(7)). For the fault the contract
 * kit calls "the adapter goes away". Stateless; thread-safe.
 */
final class Netlink {

    // Source: linux/netlink.h, linux/rtnetlink.h, sys/socket.h
    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int NETLINK_ROUTE = 0;
    static final short RTM_DELLINK = 17;
    static final short NLM_F_REQUEST = 1;
    static final short NLM_F_ACK = 4;
    static final short NLMSG_ERROR = 2;
    /** {@code struct nlmsghdr} (16 bytes) and {@code struct ifinfomsg} (16 bytes). */
    private static final int REQUEST_SIZE = 32;

    private Netlink() {
    }

    /**
     * @param ifindex the interface to delete
     * @throws ErrnoException when the kernel refuses (its acknowledgement carries the errno)
     */
    static void deleteLink(LinuxSyscalls sys, int ifindex) throws ErrnoException {
        int socket = sys.socket(AF_NETLINK, SOCK_RAW | LinuxAbi.SOCK_CLOEXEC, NETLINK_ROUTE);
        try (Fd fd = new Fd(sys, socket, "netlink socket")) {
            ByteBuffer request = ByteBuffer.allocateDirect(REQUEST_SIZE).order(ByteOrder.nativeOrder());
            request.putInt(0, REQUEST_SIZE);                          // nlmsg_len
            request.putShort(4, RTM_DELLINK);                         // nlmsg_type
            request.putShort(6, (short) (NLM_F_REQUEST | NLM_F_ACK)); // nlmsg_flags
            request.putInt(8, 1);                                     // nlmsg_seq
            request.putInt(20, ifindex);                              // ifi_index (family AF_UNSPEC)
            sys.write(fd.number(), request);
            ByteBuffer reply = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
            sys.read(fd.number(), reply);
            if (reply.getShort(4) == NLMSG_ERROR && reply.getInt(16) != 0) {
                throw new ErrnoException("RTM_DELLINK", -reply.getInt(16));
            }
        }
    }
}
