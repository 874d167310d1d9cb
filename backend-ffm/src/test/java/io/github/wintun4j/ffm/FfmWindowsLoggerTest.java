package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.PlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsLoggerTest;

/** {@link WindowsLoggerTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsLoggerTest extends WindowsLoggerTest {

    @Override
    protected PlatformBackend backend() {
        return new FfmBackend();
    }
}
