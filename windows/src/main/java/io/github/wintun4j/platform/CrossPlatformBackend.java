// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.platform;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.internal.OffloadReport;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;
import io.github.wintun4j.windows.WindowsBinding;
import io.github.wintun4j.windows.WintunDll;
import io.github.wintun4j.windows.sys.WindowsBinder;

import java.util.List;
import java.util.Objects;

/**
 * A native backend for every platform: it dispatches to the Windows binding of wintun.dll
 * ({@link WindowsBinding}) on Windows, and to the backend it is given for other platforms (the Linux
 * TUN devices) elsewhere. A subclass passes its name, its {@link WindowsBinder} and its other-platform
 * backend; nothing else is written per backend.
 *
 * <p>The Windows binding is used on Windows, and elsewhere only when the system property
 * {@value WintunDll#PATH_PROPERTY} names a stand-in for wintun.dll (the test simulator), or when a host
 * passes a {@link WintunDll} to {@link #openDriver(WintunDll)}. {@link #availability()} never throws;
 * the constructor does no native work. Thread-safe.
 *
 * <p>It lives in the windows module, beside the Windows binding it carries; the other platform's backend
 * is handed in, so the module needs no Linux code. Its package says what it is: a dispatch by platform,
 * not Windows support.
 */
public abstract class CrossPlatformBackend implements WintunBackend, WindowsBinding.Host, OffloadReport {

    private final String name;
    private final int priority;
    private final WintunBackend elsewhere;
    private final WindowsBinding windows;

    /**
     * @param name               the backend name, such as {@code "ffm"}
     * @param priority           its order among usable native backends
     * @param nativeAccessModule the module named in the {@code --enable-native-access} flag of a module-path host
     * @param elsewhere          the backend used where the Windows binding is not
     * @param binder             the binding of wintun.dll, kernel32 and IP Helper
     */
    protected CrossPlatformBackend(String name, int priority, String nativeAccessModule, WintunBackend elsewhere,
                                   WindowsBinder binder) {
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
        this.elsewhere = Objects.requireNonNull(elsewhere, "elsewhere");
        this.windows = new WindowsBinding(name, nativeAccessModule, binder);
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
    public final WindowsBinding windowsBinding() {
        return windows;
    }

    @Override
    public final BackendAvailability availability() {
        return WindowsBinding.isSelected() ? windows.availability() : elsewhere.availability();
    }

    @Override
    public final WintunDriver openDriver() {
        return WindowsBinding.isSelected() ? windows.openDriver(WintunDll.locate()) : elsewhere.openDriver();
    }

    /**
     * {@return none on Windows (Wintun has no segmentation offloads), else what the other-platform backend says}
     */
    @Override
    public final List<String> sessionOffloads() {
        if (WindowsBinding.isSelected()) {
            return List.of();
        }
        return elsewhere instanceof OffloadReport report ? report.sessionOffloads() : List.of();
    }

    /**
     * Opens a driver on the given DLL, on any platform (outside Windows the DLL must be a stand-in
     * built for that system).
     *
     * @param dll the DLL
     * @return a new driver
     * @throws WintunException when the DLL fails a check of {@link WintunDll}, or {@code ERROR_NOT_SUPPORTED}
     *                         when this backend cannot run here (such as native access denied)
     */
    public final WintunDriver openDriver(WintunDll dll) {
        return windows.openDriver(dll);
    }

    @Override
    public String toString() {
        return name + " backend (" + (WindowsBinding.isSelected() ? "wintun.dll" : elsewhere.toString()) + ')';
    }
}
