// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.internal.NativeAccess;
import io.github.wintun4j.internal.OffloadReport;
import io.github.wintun4j.spi.WintunBackend;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A native backend on Linux: everything a provider does except binding the libc calls, which a
 * subclass supplies with {@link #binding()}.
 *
 * <p>{@link #availability()} never throws. It is usable when the platform is Linux on x86_64 or
 * aarch64, the binding loads, and {@code /dev/net/tun} opens read-write; otherwise it names what is
 * missing: the device node, the permission (CAP_NET_ADMIN), native access for this JVM, or the
 * operating system. {@link #sessionOffloads()} tells from the kernel's version which offloads a
 * session would take, without a device. The constructor does no native work. Thread-safe.
 */
public abstract class LinuxBackend implements WintunBackend, OffloadReport {

    private static final Set<String> ARCHITECTURES = Set.of("amd64", "x86_64", "aarch64");

    /** Binds the libc calls of one backend. */
    @FunctionalInterface
    public interface Binder {
        /**
         * @return the binding
         * @throws BindingUnavailableException with the reason this JVM cannot bind
         * @throws IllegalCallerException      when the JVM denies native access (the flag to add is named for it)
         */
        LinuxSyscalls bind() throws BindingUnavailableException;
    }

    private final String name;
    private final int priority;
    private final String nativeAccessModule;
    private final Binder binder;
    private volatile LinuxSyscalls bound;

    /**
     * @param name               the backend name, such as {@code "ffm"}
     * @param priority           its order among usable native backends
     * @param nativeAccessModule the module that makes the native calls, named in the
     *                           {@code --enable-native-access} flag a module-path host adds
     * @param binder             binds the libc calls; called until it succeeds once, then kept
     */
    protected LinuxBackend(String name, int priority, String nativeAccessModule, Binder binder) {
        this.name = name;
        this.priority = priority;
        this.nativeAccessModule = nativeAccessModule;
        this.binder = binder;
    }

    /**
     * @return the binding, made on first use
     * @throws BindingUnavailableException with the reason, such as the native access flag to add
     */
    protected final LinuxSyscalls binding() throws BindingUnavailableException {
        LinuxSyscalls sys = bound;
        if (sys == null) {
            try {
                sys = binder.bind();
            } catch (IllegalCallerException e) {
                throw new BindingUnavailableException(NativeAccess.deniedReason(name, nativeAccessModule), e);
            }
            bound = sys;
        }
        return sys;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean isNative() {
        return true;
    }

    @Override
    public final int priority() {
        return priority;
    }

    @Override
    public final BackendAvailability availability() {
        try {
            String platform = unsupportedPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
            if (platform != null) {
                return BackendAvailability.ofUnusable(platform);
            }
            String device = deviceProblem(binding());
            return device == null ? BackendAvailability.ofUsable() : BackendAvailability.ofUnusable(device);
        } catch (BindingUnavailableException e) {
            return BackendAvailability.ofUnusable(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return BackendAvailability.ofUnusable("the " + name + " binding of libc failed to load: " + e);
        }
    }

    @Override
    public final WintunDriver openDriver() {
        BackendAvailability availability = availability();
        if (!availability.usable()) {
            throw new WintunException("Wintun.open", WintunErrors.ERROR_NOT_SUPPORTED,
                    "backend '" + name + "' cannot run here: " + availability.reason());
        }
        try {
            return new LinuxDriver(name, binding());
        } catch (BindingUnavailableException e) {
            throw new WintunException("Wintun.open", WintunErrors.ERROR_NOT_SUPPORTED, e.getMessage(), e);
        }
    }

    /**
     * {@return checksum and TCP segmentation offload, and UDP segmentation offload on Linux 6.2 and later}
     * What a session with default options takes (see {@code LinuxAdapter.startSession}), told from
     * the running kernel's version, without a device.
     */
    @Override
    public final List<String> sessionOffloads() {
        return TunOffloads.expectedOn(KernelVersion.running()).names();
    }

    /**
     * @return why this operating system or architecture is not supported, or {@code null}
     */
    static String unsupportedPlatform(String osName, String osArch) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "on Windows the backend drives wintun.dll, not /dev/net/tun";
        }
        if (!osName.equalsIgnoreCase("linux")) {
            return "unsupported OS '" + osName + "': this backend runs on Linux (/dev/net/tun) and on Windows"
                    + " (wintun.dll)";
        }
        if (!ARCHITECTURES.contains(osArch.toLowerCase(Locale.ROOT))) {
            return "unsupported architecture '" + osArch + "': the Linux structures and ioctl numbers are those"
                    + " of x86_64 and aarch64";
        }
        return null;
    }

    /**
     * @return why {@code /dev/net/tun} cannot be opened read-write, or {@code null} when it can
     */
    static String deviceProblem(LinuxSyscalls sys) {
        String device = TunControl.CLONE_DEVICE;
        try {
            sys.close(TunControl.openCloneDevice(sys, 0));
            return null;
        } catch (ErrnoException e) {
            switch (e.errno()) {
                case Errno.ENOENT:
                    return "no device node " + device + " (load the tun module with 'modprobe tun'; in a container,"
                            + " pass the device in, for example --device " + device + ")";
                case Errno.EACCES:
                case Errno.EPERM:
                    return "not permitted to open " + device + " read-write (" + Errno.nameOf(e.errno())
                            + "): TUN devices need root or CAP_NET_ADMIN";
                case Errno.ENODEV:
                case Errno.ENXIO:
                    return device + " exists but the TUN driver is not loaded (" + Errno.nameOf(e.errno())
                            + "; try 'modprobe tun')";
                default:
                    return "opening " + device + " failed: " + e.getMessage();
            }
        }
    }
}
