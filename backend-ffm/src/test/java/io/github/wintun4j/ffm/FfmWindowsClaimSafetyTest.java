package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.PlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsClaimSafetyTest;

/** {@link WindowsClaimSafetyTest} through the FFM binding of wintun.dll, against the wintun ABI simulator. */
class FfmWindowsClaimSafetyTest extends WindowsClaimSafetyTest {

    @Override
    protected PlatformBackend backend() {
        return new FfmBackend();
    }
}
