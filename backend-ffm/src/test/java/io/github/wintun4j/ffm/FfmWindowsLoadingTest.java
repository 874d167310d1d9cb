package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.PlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsLoadingTest;

/** {@link WindowsLoadingTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsLoadingTest extends WindowsLoadingTest {

    @Override
    protected PlatformBackend backend() {
        return new FfmBackend();
    }
}
