package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.PlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsFaultInjectionTest;

/** {@link WindowsFaultInjectionTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsFaultInjectionTest extends WindowsFaultInjectionTest {

    @Override
    protected PlatformBackend backend() {
        return new FfmBackend();
    }
}
