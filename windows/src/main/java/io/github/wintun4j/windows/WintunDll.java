// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.WintunBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Which {@code wintun.dll} the FFM and JNA backends load, and the rules that make loading it safe.
 *
 * <p>Where it comes from, in order:
 * <ol>
 *   <li>{@link #fromPath(Path, String)}: a file the host names by its absolute path, for example one
 *       it ships inside its own jar and extracts itself; then {@link #open()} or {@link #open(String)};</li>
 *   <li>the system property {@value #PATH_PROPERTY}: an absolute path;</li>
 *   <li>otherwise, on Windows, {@code wintun.dll} in the application directory (the folder of the
 *       process's executable: for {@code java -jar} that is the JDK's {@code bin}, for a jpackage'd
 *       application its own folder), then in System32: the folders {@code LOAD_LIBRARY_SEARCH_APPLICATION_DIR |
 *       LOAD_LIBRARY_SEARCH_SYSTEM32} search, as Wintun's example.c loads it. Never the current directory
 *       or {@code PATH}.</li>
 * </ol>
 *
 * <p>Before loading, the file must exist, be a DLL of the JVM's architecture (its PE header is read:
 * an x86 or arm64 DLL in an x64 JVM is refused by name), and, when a SHA-256 is pinned (the second
 * argument of {@link #fromPath}, or the system property {@value #SHA256_PROPERTY}), have exactly that
 * hash. It is then loaded by its absolute path, its own dependencies from its folder and System32 only,
 * and must export all 14 functions of wintun.h 0.14. Each failure is a {@link WintunException} that
 * says which rule failed. A loaded DLL stays loaded until the JVM exits.
 *
 * <p>Outside Windows, {@value #PATH_PROPERTY} (or {@link #fromPath}) may name a stand-in built for
 * that system that exports the same functions (the project's test simulator, an ELF shared object);
 * only then do the backends use their Windows binding there. Never rename or redistribute the real
 * wintun.dll under another name.
 *
 * <p>Immutable and thread-safe.
 */
public final class WintunDll {

    /** The system property naming wintun.dll by its absolute path: {@value}. */
    public static final String PATH_PROPERTY = "wintun4j.dll";
    /** The system property pinning the SHA-256 (hex) of the DLL to load: {@value}. */
    public static final String SHA256_PROPERTY = "wintun4j.dll.sha256";
    /** The file name searched for on Windows. */
    public static final String FILE_NAME = "wintun.dll";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path path;
    private final String sha256;

    private WintunDll(Path path, String sha256) {
        this.path = path;
        this.sha256 = sha256;
    }

    /**
     * Names a DLL by its absolute path, for a host that ships and extracts its own copy. Nothing is
     * read until it is opened.
     *
     * @param path           the absolute path of wintun.dll (or, outside Windows, of a stand-in)
     * @param expectedSha256 the SHA-256 the file must have (64 hex digits), or {@code null} for no pin
     * @return the DLL
     * @throws NullPointerException     when the path is null
     * @throws IllegalArgumentException when the path is relative or the hash is not 64 hex digits
     */
    public static WintunDll fromPath(Path path, String expectedSha256) {
        Objects.requireNonNull(path, "path");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("wintun.dll must be named by an absolute path (a relative one would"
                    + " depend on the current directory), got " + path);
        }
        return new WintunDll(path.normalize(), normalizePin(expectedSha256));
    }

    /**
     * The DLL the system properties name, or the one the safe search finds on Windows.
     *
     * @return the DLL
     * @throws WintunException {@code ERROR_FILE_NOT_FOUND} when no property is set and the search finds
     *                         none, or {@code ERROR_INVALID_PARAMETER} when a property is malformed
     */
    public static WintunDll locate() {
        String pin;
        try {
            pin = normalizePin(System.getProperty(SHA256_PROPERTY));
        } catch (IllegalArgumentException e) {
            throw new WintunException(DllFile.OPERATION, WintunErrors.ERROR_INVALID_PARAMETER,
                    SHA256_PROPERTY + ": " + e.getMessage());
        }
        String property = System.getProperty(PATH_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path named = Paths.get(property.trim());
            if (!named.isAbsolute()) {
                throw new WintunException(DllFile.OPERATION, WintunErrors.ERROR_INVALID_PARAMETER, PATH_PROPERTY
                        + " must be an absolute path (a relative one would depend on the current directory), got "
                        + property);
            }
            return new WintunDll(named.normalize(), pin);
        }
        List<Path> candidates = searchFolders();
        for (Path folder : candidates) {
            Path file = folder.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                return new WintunDll(file, pin);
            }
        }
        throw new WintunException(DllFile.OPERATION, WintunErrors.ERROR_FILE_NOT_FOUND, "no " + FILE_NAME + " in "
                + (candidates.isEmpty() ? "the application directory or System32" : candidates)
                + ": put the wintun.dll of your architecture from https://www.wintun.net/ beside the application,"
                + " or name it with -D" + PATH_PROPERTY + "=<absolute path>");
    }

    /** The folders of the safe search: the application directory, then System32 (Windows only). */
    static List<Path> searchFolders() {
        List<Path> folders = new ArrayList<>();
        if (!WindowsPlatform.isWindows()) {
            return folders;
        }
        ProcessHandle.current().info().command().map(Paths::get).map(Path::getParent).ifPresent(folders::add);
        String root = System.getenv("SystemRoot");
        folders.add(Paths.get(root != null && !root.isBlank() ? root : "C:\\Windows", "System32"));
        return folders;
    }

    private static String normalizePin(String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return null;
        }
        String pin = sha256.trim().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(pin).matches()) {
            throw new IllegalArgumentException("a SHA-256 pin is 64 hex digits, got \"" + sha256 + '"');
        }
        return pin;
    }

    /** @return the absolute path of the file */
    public Path path() {
        return path;
    }

    /** @return the pinned SHA-256 in lower-case hex, if any */
    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    /**
     * Checks the file (existence, architecture, pin) and loads it, or finds it loaded already.
     *
     * @throws WintunException as {@link WintunDll} describes
     */
    void verify() {
        DllFile.verify(path, sha256, WindowsPlatform.isWindows(), WindowsPlatform.architecture());
    }

    /**
     * Opens a driver on this DLL with the best usable native backend present (FFM over JNA).
     *
     * @return the driver; the caller closes it
     * @throws WintunException when the DLL fails a check or no backend can load it
     */
    public WintunDriver open() {
        List<WindowsBinding.Host> backends = platformBackends();
        backends.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        List<String> failures = new ArrayList<>();
        for (WindowsBinding.Host backend : backends) {
            try {
                return backend.windowsBinding().openDriver(this);
            } catch (WintunException e) {
                if (e.errorCode() != WintunErrors.ERROR_NOT_SUPPORTED) {
                    throw e; // the DLL itself failed a check: another backend would fail the same way
                }
                failures.add(backend.name() + ": " + e.getMessage());
            }
        }
        throw new WintunException(DllFile.OPERATION, WintunErrors.ERROR_NOT_SUPPORTED, "no native backend can load "
                + path + (failures.isEmpty() ? ": none is present (add wintun4j-backend-ffm or -jna)" : ": " + failures));
    }

    /**
     * Opens a driver on this DLL with the named backend.
     *
     * @param backendName {@code "ffm"} or {@code "jna"} (case-insensitive)
     * @return the driver; the caller closes it
     * @throws WintunException when the backend is absent, or the DLL fails a check
     */
    public WintunDriver open(String backendName) {
        Objects.requireNonNull(backendName, "backendName");
        String wanted = backendName.toLowerCase(Locale.ROOT);
        for (WindowsBinding.Host backend : platformBackends()) {
            if (backend.name().equals(wanted)) {
                return backend.windowsBinding().openDriver(this);
            }
        }
        throw new WintunException(DllFile.OPERATION, WintunErrors.ERROR_NOT_FOUND, "no native backend named '"
                + wanted + "' is present");
    }

    private static List<WindowsBinding.Host> platformBackends() {
        List<WindowsBinding.Host> found = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ServiceLoader<WintunBackend> loader = ServiceLoader.load(WintunBackend.class,
                context != null ? context : WintunDll.class.getClassLoader());
        for (ServiceLoader.Provider<WintunBackend> provider : loader.stream().toList()) {
            try {
                if (WindowsBinding.Host.class.isAssignableFrom(provider.type())) {
                    found.add((WindowsBinding.Host) provider.get());
                }
            } catch (java.util.ServiceConfigurationError | LinkageError broken) {
                // A broken provider is not a native backend this DLL can use; the others still can.
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "WintunDll[" + path + (sha256 != null ? ", sha256=" + sha256 : "") + ']';
    }
}
