// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.IfReq;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Interface settings through {@code ioctl} on a datagram socket (linux/sockios.h): index, flags,
 * MTU. Each request opens its own short-lived socket, so no descriptor is shared between threads.
 * Stateless; thread-safe.
 */
final class InterfaceControl {

    /** One ioctl request on a socket descriptor. */
    @FunctionalInterface
    interface SocketRequest<T> {
        T apply(int socket) throws ErrnoException;
    }

    /** The longest {@link #awaitRunning} waits. */
    static final long RUNNING_WAIT_MILLIS = 2000;

    private final LinuxSyscalls sys;

    InterfaceControl(LinuxSyscalls sys) {
        this.sys = sys;
    }

    LinuxSyscalls sys() {
        return sys;
    }

    /**
     * Runs {@code request} on a fresh datagram socket of {@code family}, closed afterwards.
     *
     * @throws ErrnoException from the request, or from opening the socket
     */
    <T> T onSocket(int family, SocketRequest<T> request) throws ErrnoException {
        int socket = sys.socket(family, LinuxAbi.SOCK_DGRAM | LinuxAbi.SOCK_CLOEXEC, 0);
        try (Fd fd = new Fd(sys, socket, "configuration socket")) {
            return request.apply(fd.number());
        }
    }

    /** @return the result of an ifreq request on an AF_INET socket */
    IfReq ifreq(String name, long request, IfReq argument) throws ErrnoException {
        return onSocket(LinuxAbi.AF_INET, socket -> {
            ByteBuffer buffer = argument.buffer();
            sys.ioctl(socket, request, buffer);
            return argument;
        });
    }

    /**
     * @return the interface index (SIOCGIFINDEX)
     * @throws WintunException {@code ERROR_NOT_FOUND} when there is no such interface
     */
    int index(String operation, String name) {
        try {
            return ifreq(name, LinuxAbi.SIOCGIFINDEX, new IfReq(name)).intValue();
        } catch (ErrnoException e) {
            throw LinuxErrors.of(operation, "SIOCGIFINDEX of \"" + name + '"', e);
        }
    }

    /** Sets IFF_UP when it is not set yet (SIOCGIFFLAGS, then SIOCSIFFLAGS). */
    void bringUp(String operation, String name) {
        try {
            short flags = ifreq(name, LinuxAbi.SIOCGIFFLAGS, new IfReq(name)).flags();
            if ((flags & LinuxAbi.IFF_UP) == 0) {
                ifreq(name, LinuxAbi.SIOCSIFFLAGS, new IfReq(name).flags((short) (flags | LinuxAbi.IFF_UP)));
            }
        } catch (ErrnoException e) {
            throw LinuxErrors.of(operation, "bringing \"" + name + "\" up (SIOCGIFFLAGS / SIOCSIFFLAGS)", e);
        }
    }

    /**
     * Waits until the kernel reports the interface running (IFF_RUNNING: up, with a carrier), which
     * it does a moment after a descriptor attaches; until then it may drop what it sends through
     * the interface. Gives up quietly after {@link #RUNNING_WAIT_MILLIS}.
     */
    void awaitRunning(String operation, String name) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUNNING_WAIT_MILLIS);
        try {
            while ((ifreq(name, LinuxAbi.SIOCGIFFLAGS, new IfReq(name)).flags() & LinuxAbi.IFF_RUNNING) == 0
                    && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            }
        } catch (ErrnoException e) {
            throw LinuxErrors.of(operation, "SIOCGIFFLAGS of \"" + name + '"', e);
        }
    }

    /** @return the MTU (SIOCGIFMTU) */
    int mtu(String operation, String name) {
        try {
            return ifreq(name, LinuxAbi.SIOCGIFMTU, new IfReq(name)).intValue();
        } catch (ErrnoException e) {
            throw LinuxErrors.of(operation, "SIOCGIFMTU of \"" + name + '"', e);
        }
    }

    /** Sets the MTU (SIOCSIFMTU). */
    void setMtu(String operation, String name, int mtu) {
        try {
            ifreq(name, LinuxAbi.SIOCSIFMTU, new IfReq(name).intValue(mtu));
        } catch (ErrnoException e) {
            throw LinuxErrors.of(operation, "SIOCSIFMTU " + mtu + " on \"" + name + '"', e);
        }
    }

    /**
     * @return an exception for an interface that is no longer what the adapter was created as
     */
    static WintunException gone(String operation, String name) {
        return new WintunException(operation, WintunErrors.ERROR_NOT_FOUND,
                "the TUN device \"" + name + "\" is gone (it was deleted underneath the adapter)");
    }
}
