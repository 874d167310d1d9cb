// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.internal.NativeAccess;
import io.github.wintun4j.windows.sys.LibraryUnavailableException;
import io.github.wintun4j.windows.sys.WindowsBinder;

import java.util.Objects;
import java.util.Set;

/**
 * The Windows half of a native backend: wintun.dll, kernel32 and IP Helper through one backend's
 * {@link WindowsBinder}. A backend that carries one is a {@link Host}, which is how
 * {@link WintunDll#open()} finds the backends that can load a DLL.
 *
 * <p>{@link #availability()} never throws; the constructor does no native work. Thread-safe.
 */
public final class WindowsBinding {

    /** A backend that carries a Windows binding (the FFM and JNA backends do). */
    public interface Host {
        /** @return the backend's name, such as {@code "ffm"} */
        String name();

        /** @return its order among usable native backends */
        int priority();

        /** @return its Windows binding */
        WindowsBinding windowsBinding();
    }

    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "aarch64");

    private final String name;
    private final String nativeAccessModule;
    private final WindowsBinder binder;

    /**
     * @param name               the backend name, such as {@code "ffm"}
     * @param nativeAccessModule the module named in the {@code --enable-native-access} flag of a module-path host
     * @param binder             the binding of wintun.dll, kernel32 and IP Helper
     */
    public WindowsBinding(String name, String nativeAccessModule, WindowsBinder binder) {
        this.name = Objects.requireNonNull(name, "name");
        this.nativeAccessModule = Objects.requireNonNull(nativeAccessModule, "nativeAccessModule");
        this.binder = Objects.requireNonNull(binder, "binder");
    }

    /**
     * @return whether the native backends use the Windows binding: on Windows, and elsewhere only when the
     *         system property {@value WintunDll#PATH_PROPERTY} names a stand-in for wintun.dll (the test simulator)
     */
    public static boolean isSelected() {
        return WindowsPlatform.selected();
    }

    /** @return whether the DLL {@link WintunDll#locate()} finds can be bound; never throws */
    public BackendAvailability availability() {
        try {
            bind(WintunDll.locate());
            return BackendAvailability.ofUsable();
        } catch (WintunException e) {
            return BackendAvailability.ofUnusable(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return BackendAvailability.ofUnusable("the " + name + " binding of wintun.dll failed to load: " + e);
        }
    }

    /**
     * Opens a driver on the given DLL, on any platform (outside Windows the DLL must be a stand-in built
     * for that system).
     *
     * @param dll the DLL
     * @return a new driver
     * @throws WintunException when the DLL fails a check of {@link WintunDll}, or {@code ERROR_NOT_SUPPORTED}
     *                         when this binding cannot run here (such as native access denied)
     */
    public WintunDriver openDriver(WintunDll dll) {
        Objects.requireNonNull(dll, "dll");
        return new WindowsDriver(name, bind(dll));
    }

    private BoundDll bind(WintunDll dll) {
        String arch = WindowsPlatform.architecture();
        if (!ARCHITECTURES.contains(arch)) {
            throw BoundDll.unsupported("unsupported architecture '" + arch
                    + "': the Windows structures are those of x64 and ARM64", null);
        }
        dll.verify();
        try {
            return BoundDll.load(name, binder, dll);
        } catch (LibraryUnavailableException e) {
            throw BoundDll.unsupported("backend '" + name + "' cannot bind " + dll.path() + ": " + e.getMessage(), e);
        } catch (IllegalCallerException e) {
            throw BoundDll.unsupported(NativeAccess.deniedReason(name, nativeAccessModule), e);
        }
    }

    @Override
    public String toString() {
        return name + " binding of wintun.dll";
    }
}
