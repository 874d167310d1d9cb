// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.capture.testkit.Tshark;
import io.github.wintun4j.mock.MockDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What {@code wintun:capture} does to an adapter of the shell: capture from now until stopped. */
class ShellCaptureTest {

    @TempDir
    Path directory;

    @Test
    void onlyThePingsBetweenStartAndStopAreCaptured() throws Exception {
        Path file = directory.resolve("shell.pcapng");
        InetAddress host = InetAddress.getByName("10.9.0.1");
        InetAddress peer = InetAddress.getByName("10.9.0.2");
        try (MockDriver driver = new MockDriver()) {
            Adapter adapter = driver.createAdapter("Shell0", "wintun4j", null);
            adapter.addAddress(host, 24);
            try (ShellAdapter running = ShellAdapter.start("mock", adapter, WintunConstants.MIN_RING_CAPACITY)) {
                running.ping(peer, host, 1);
                awaitReplies(running, 1);  // the first reply before the capture starts, or it is captured too
                assertThat(running.startCapture(file)).contains("capturing adapter \"Shell0\"");
                assertThatIllegalStateException().isThrownBy(() -> running.startCapture(directory.resolve("two")));
                running.ping(peer, host, 2);
                awaitReplies(running, 3);
                assertThat(running.stopCapture()).contains("4 packets");
                running.ping(peer, host, 1);
            }
        }
        List<List<String>> frames = Tshark.require().read(file);
        assertThat(frames).extracting(frame -> frame.get(5)).containsExactlyInAnyOrder("8", "0", "8", "0");
    }

    private static void awaitReplies(ShellAdapter adapter, long replies) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (adapter.echoReplies() < replies && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(adapter.echoReplies()).isEqualTo(replies);
    }
}
