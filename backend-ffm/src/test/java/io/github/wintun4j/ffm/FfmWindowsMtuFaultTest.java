package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.PlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsMtuFaultTest;

/** {@link WindowsMtuFaultTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsMtuFaultTest extends WindowsMtuFaultTest {

    @Override
    protected PlatformBackend backend() {
        return new FfmBackend();
    }
}
