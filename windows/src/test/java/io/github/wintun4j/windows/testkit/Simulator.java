// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.windows.WintunDll;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * The wintun ABI simulator as the tests find it: built by the windows module's test phase with gcc and
 * carried in its test jar under {@code wintun4j-sim/}; taken from the class path, copied to a file when
 * it sits in a jar. Where it was not built (no gcc), the tests skip, or fail in CI.
 */
public final class Simulator {

    /** The simulator. */
    public static final String LIBRARY = "libwintun4j-sim.so";
    /** The simulator built without {@code WintunSendPacket}, for the missing-function test. */
    public static final String WITHOUT_SEND_PACKET = "libwintun4j-sim-nosend.so";

    /** One copy per library and JVM: the bindings and the hooks must open the very same file. */
    private static final java.util.Map<String, Path> EXTRACTED = new java.util.HashMap<>();

    private Simulator() {
    }

    /** @return the simulator's absolute path, or skips the test */
    public static Path path() {
        return path(LIBRARY);
    }

    /** @return the DLL of the simulator, without a pin */
    public static WintunDll dll() {
        return WintunDll.fromPath(path(), null);
    }

    /** @return the absolute path of one of the simulator's libraries, or skips the test */
    public static synchronized Path path(String library) {
        Path known = EXTRACTED.get(library);
        if (known != null) {
            return known;
        }
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            Requirements.missing("the wintun ABI simulator runs on Linux");
        }
        URL url = Simulator.class.getClassLoader().getResource("wintun4j-sim/" + library);
        if (url == null) {
            Requirements.missing("the wintun ABI simulator was not built (gcc was not found when the windows module"
                    + " was built): install gcc and rebuild");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Paths.get(url.toURI()).toAbsolutePath();
            }
            Path folder = Files.createTempDirectory("wintun4j-sim");
            Path file = folder.resolve(library);
            try (InputStream in = url.openStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            file.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            EXTRACTED.put(library, file.toAbsolutePath());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
