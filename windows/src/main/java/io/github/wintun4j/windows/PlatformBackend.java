package io.github.wintun4j.windows;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.internal.NativeAccess;
import io.github.wintun4j.spi.WintunBackend;
import io.github.wintun4j.windows.sys.LibraryUnavailableException;
import io.github.wintun4j.windows.sys.WindowsBinder;

import java.util.Objects;

/**
 * A native backend that runs on Windows through wintun.dll, and elsewhere through the backend it is
 * given for that platform (Linux TUN devices). Everything but the binding is here: a subclass passes
 * its name, its {@link WindowsBinder} and its other-platform backend.
 *
 * <p>The Windows binding is used on Windows, and elsewhere only when the system property
 * {@value WintunDll#PATH_PROPERTY} names a stand-in for wintun.dll (the test simulator), or when a host
 * passes a {@link WintunDll} to {@link #openDriver(WintunDll)}. {@link #availability()} never throws;
 * the constructor does no native work. Thread-safe.
 */
public abstract class PlatformBackend implements WintunBackend {

    private static final java.util.Set<String> ARCHITECTURES = java.util.Set.of("x86_64", "aarch64");

    private final String name;
    private final int priority;
    private final String nativeAccessModule;
    private final WintunBackend elsewhere;
    private final WindowsBinder binder;

    /**
     * @param name               the backend name, such as {@code "ffm"}
     * @param priority           its order among usable native backends
     * @param nativeAccessModule the module named in the {@code --enable-native-access} flag of a module-path host
     * @param elsewhere          the backend used where the Windows binding is not
     * @param binder             the binding of wintun.dll, kernel32 and IP Helper
     */
    protected PlatformBackend(String name, int priority, String nativeAccessModule, WintunBackend elsewhere,
                              WindowsBinder binder) {
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
        this.nativeAccessModule = Objects.requireNonNull(nativeAccessModule, "nativeAccessModule");
        this.elsewhere = Objects.requireNonNull(elsewhere, "elsewhere");
        this.binder = Objects.requireNonNull(binder, "binder");
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
        if (!WindowsPlatform.selected()) {
            return elsewhere.availability();
        }
        try {
            bind(WintunDll.locate());
            return BackendAvailability.ofUsable();
        } catch (WintunException e) {
            return BackendAvailability.ofUnusable(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return BackendAvailability.ofUnusable("the " + name + " binding of wintun.dll failed to load: " + e);
        }
    }

    @Override
    public final WintunDriver openDriver() {
        if (!WindowsPlatform.selected()) {
            return elsewhere.openDriver();
        }
        return openDriver(WintunDll.locate());
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
        Objects.requireNonNull(dll, "dll");
        return new WindowsDriver(name, bind(dll));
    }

    private BoundDll bind(WintunDll dll) {
        String platform = unsupportedPlatform();
        if (platform != null) {
            throw BoundDll.unsupported(platform, null);
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

    private static String unsupportedPlatform() {
        String arch = WindowsPlatform.architecture();
        if (!ARCHITECTURES.contains(arch)) {
            return "unsupported architecture '" + arch + "': the Windows structures are those of x64 and ARM64";
        }
        return null;
    }

    @Override
    public String toString() {
        return name + " backend (" + (WindowsPlatform.selected() ? "wintun.dll" : elsewhere.toString()) + ')';
    }
}
