// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.IfReq;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The TUN device lifecycle through {@code /dev/net/tun} (linux/if_tun.h): create a persistent
 * layer-3 device without packet information, attach a descriptor to an existing one (one at a
 * time: a single-queue device refuses a second with EBUSY), and delete one by dropping its
 * persistence on an attached descriptor and closing it. Stateless; thread-safe.
 */
final class TunControl {

    /** The clone device: each open descriptor attaches to at most one TUN device. */
    static final String CLONE_DEVICE = "/dev/net/tun";

    private static final short ATTACH_FLAGS = LinuxAbi.IFF_TUN | LinuxAbi.IFF_NO_PI;

    private final LinuxSyscalls sys;

    TunControl(LinuxSyscalls sys) {
        this.sys = sys;
    }

    /**
     * Creates a persistent TUN device; the returned descriptor is still attached to it, so that the
     * caller can configure it and then close the descriptor (the device stays) or {@link #delete(Fd)} it.
     *
     * @throws WintunException {@code ERROR_ALREADY_EXISTS} when an interface of that name exists
     */
    Fd createPersistent(String operation, String name) {
        Fd fd = openCloneDevice(operation);
        try {
            setIff(fd, name, (short) (ATTACH_FLAGS | LinuxAbi.IFF_TUN_EXCL));
        } catch (ErrnoException e) {
            fd.close();
            if (e.errno() == Errno.EBUSY) {
                throw LinuxErrors.of(operation, WintunErrors.ERROR_ALREADY_EXISTS, "TUNSETIFF creating \"" + name + '"', e,
                        "a network interface of that name already exists (unlike Wintun, wintun4j does not rename"
                                + " another program's interface on Linux: open it with openAdapter, or delete it first)");
            }
            throw LinuxErrors.of(operation, "TUNSETIFF creating \"" + name + '"', e);
        }
        try {
            sys.ioctl(fd.number(), LinuxAbi.TUNSETPERSIST, 1L);
        } catch (ErrnoException e) {
            fd.close();
            throw LinuxErrors.of(operation, "TUNSETPERSIST(1) on \"" + name + '"', e);
        }
        return fd;
    }

    /**
     * Attaches a new descriptor to an existing TUN device. The kernel creates a device when the
     * name is free, so callers check the interface index afterwards.
     *
     * @throws WintunException {@code ERROR_ALREADY_INITIALIZED} when another descriptor is attached,
     *                         {@code ERROR_NOT_FOUND} when the interface is not a single-queue TUN device
     */
    Fd attach(String operation, String name) {
        return attach(operation, name, false);
    }

    /**
     * As {@link #attach(String, String)}, with {@code IFF_VNET_HDR} when asked: every read and
     * write of the descriptor then starts with a {@code virtio_net_hdr}, and the flag stays on the
     * device until the next attach.
     */
    Fd attach(String operation, String name, boolean vnetHeader) {
        Fd fd = openCloneDevice(operation);
        try {
            setIff(fd, name, vnetHeader ? (short) (ATTACH_FLAGS | LinuxAbi.IFF_VNET_HDR) : ATTACH_FLAGS);
            return fd;
        } catch (ErrnoException e) {
            fd.close();
            switch (e.errno()) {
                case Errno.EBUSY:
                    throw LinuxErrors.of(operation, WintunErrors.ERROR_ALREADY_INITIALIZED, "TUNSETIFF attaching to \""
                            + name + '"', e, "a session is already attached to it, in this or another process");
                case Errno.EINVAL:
                    throw LinuxErrors.of(operation, WintunErrors.ERROR_NOT_FOUND, "TUNSETIFF attaching to \""
                            + name + '"', e, "it is not a single-queue TUN device");
                default:
                    throw LinuxErrors.of(operation, "TUNSETIFF attaching to \"" + name + '"', e);
            }
        }
    }

    /**
     * Asks the kernel for checksum and TCP segmentation offload on a descriptor attached with
     * {@code IFF_VNET_HDR}, and for UDP segmentation offload where it has it (Linux 6.2 and
     * later refuse nothing; older kernels refuse the USO flags with EINVAL, which only leaves UDP
     * out).
     *
     * @return what the kernel took; {@link TunOffloads#NONE} when it refused TCP offload too
     */
    TunOffloads enableOffloads(Fd fd) {
        int tcp = LinuxAbi.TUN_F_CSUM | LinuxAbi.TUN_F_TSO4 | LinuxAbi.TUN_F_TSO6;
        try {
            sys.ioctl(fd.number(), LinuxAbi.TUNSETOFFLOAD, (long) (tcp | LinuxAbi.TUN_F_USO4 | LinuxAbi.TUN_F_USO6));
            return new TunOffloads(true, true);
        } catch (ErrnoException withUdp) {
            try {
                sys.ioctl(fd.number(), LinuxAbi.TUNSETOFFLOAD, (long) tcp);
                return new TunOffloads(true, false);
            } catch (ErrnoException e) {
                return TunOffloads.NONE;
            }
        }
    }

    /**
     * Turns the device's offloads off ({@code TUNSETOFFLOAD(0)}): an earlier session with offloads
     * leaves them on the device, and a reader without {@code IFF_VNET_HDR} would then be handed
     * packets of up to 64 KiB.
     *
     * @throws ErrnoException when the kernel refuses
     */
    void disableOffloads(Fd fd) throws ErrnoException {
        sys.ioctl(fd.number(), LinuxAbi.TUNSETOFFLOAD, 0L);
    }

    /**
     * Makes the device go away when {@code fd}, attached to it, closes; then closes it.
     *
     * @throws ErrnoException when TUNSETPERSIST fails (EBADFD: the device is already gone); fd is closed anyway
     */
    void delete(Fd fd) throws ErrnoException {
        try {
            sys.ioctl(fd.number(), LinuxAbi.TUNSETPERSIST, 0L);
        } finally {
            fd.close();
        }
    }

    /**
     * Opens {@code /dev/net/tun} read-write, non-blocking, close-on-exec.
     *
     * @throws WintunException {@code ERROR_ACCESS_DENIED} when not permitted,
     *                         {@code ERROR_NOT_SUPPORTED} when the TUN driver is missing
     */
    Fd openCloneDevice(String operation) {
        try {
            return new Fd(sys, openCloneDevice(sys, LinuxAbi.O_NONBLOCK), CLONE_DEVICE);
        } catch (ErrnoException e) {
            int code = e.errno() == Errno.ENOENT || e.errno() == Errno.ENODEV || e.errno() == Errno.ENXIO
                    ? WintunErrors.ERROR_NOT_SUPPORTED : LinuxErrors.windowsCode(e.errno());
            throw LinuxErrors.of(operation, code, "opening " + CLONE_DEVICE, e);
        }
    }

    /**
     * @param sys        the binding
     * @param extraFlags flags besides O_RDWR | O_CLOEXEC
     * @return the descriptor of a fresh open of {@code /dev/net/tun}
     */
    static int openCloneDevice(LinuxSyscalls sys, int extraFlags) throws ErrnoException {
        byte[] path = (CLONE_DEVICE + '\0').getBytes(StandardCharsets.US_ASCII);
        ByteBuffer cPath = ByteBuffer.allocateDirect(path.length).put(path).flip();
        return sys.open(cPath, LinuxAbi.O_RDWR | LinuxAbi.O_CLOEXEC | extraFlags);
    }

    private void setIff(Fd fd, String name, short flags) throws ErrnoException {
        sys.ioctl(fd.number(), LinuxAbi.TUNSETIFF, new IfReq(name).flags(flags).buffer());
    }
}
