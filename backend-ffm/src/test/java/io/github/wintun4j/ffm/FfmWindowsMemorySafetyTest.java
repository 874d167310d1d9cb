package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.PlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsMemorySafetyTest;

/** {@link WindowsMemorySafetyTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsMemorySafetyTest extends WindowsMemorySafetyTest {

    @Override
    protected PlatformBackend backend() {
        return new FfmBackend();
    }
}
