package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.PlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsReadWaitTest;

/** {@link WindowsReadWaitTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsReadWaitTest extends WindowsReadWaitTest {

    @Override
    protected PlatformBackend backend() {
        return new FfmBackend();
    }
}
