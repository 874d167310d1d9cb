// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.Session;
import io.github.wintun4j.capture.CaptureState;
import io.github.wintun4j.capture.PacketCapture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The demo's optional capture ({@code --pcap FILE}): every packet the session receives and sends,
 * in a new pcapng file readable by its owner only. Without a file it wraps nothing, so a demo
 * without capture runs on the session itself.
 *
 * <p>Threading: made, used and closed by the thread that runs the demo; the wrapped session keeps
 * the session's own rules.
 */
final class DemoCapture implements AutoCloseable {

    private final PacketCapture capture;
    private final Path file;
    private final ConsoleLogger log;

    private DemoCapture(PacketCapture capture, Path file, ConsoleLogger log) {
        this.capture = capture;
        this.file = file;
        this.log = log;
    }

    /**
     * @param file the file to create, or {@code null} for no capture
     * @throws DemoFailure when the file cannot be created (it exists already, or its folder is missing)
     */
    static DemoCapture start(Path file, ConsoleLogger log) throws DemoFailure {
        if (file == null) {
            return new DemoCapture(null, null, log);
        }
        try {
            PacketCapture capture = PacketCapture.toFile(file);
            log.info("Capturing packets to " + file + " (pcapng)");
            return new DemoCapture(capture, file, log);
        } catch (IOException e) {
            throw new DemoFailure("Failed to start the capture to " + file, e);
        }
    }

    /** @return the session to use: {@code session} itself, or a wrapper that captures it */
    Session wrap(Session session, String adapterName) {
        return capture == null ? session : capture.wrap(session, adapterName);
    }

    @Override
    public void close() {
        if (capture != null) {
            capture.close();
            CaptureState state = capture.state();
            log.info("Captured " + capture.packets() + " packets to " + file
                    + (state == CaptureState.CLOSED ? "" : " (stopped early: " + state + ")"));
        }
    }
}
