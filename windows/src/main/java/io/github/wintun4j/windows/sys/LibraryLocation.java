// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.sys;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a binding opens a library: a Windows system library by its name (already loaded, or loaded
 * from System32 beforehand), or a file by its absolute path. Immutable.
 *
 * @param systemName the name, such as {@code "kernel32"}, or {@code null}
 * @param file       the absolute path, or {@code null}
 */
public record LibraryLocation(String systemName, Path file) {

    /** Checks exactly one is given and a path is absolute. */
    public LibraryLocation {
        if ((systemName == null) == (file == null)) {
            throw new IllegalArgumentException("give a system library name or a file, not both or neither");
        }
        if (file != null && !file.isAbsolute()) {
            throw new IllegalArgumentException("a library file must be given by its absolute path: " + file);
        }
    }

    /** @return a Windows system library, such as {@code kernel32} */
    public static LibraryLocation system(String name) {
        return new LibraryLocation(Objects.requireNonNull(name, "name"), null);
    }

    /** @return a library file */
    public static LibraryLocation file(Path path) {
        return new LibraryLocation(null, Objects.requireNonNull(path, "path"));
    }

    @Override
    public String toString() {
        return file != null ? file.toString() : systemName;
    }
}
