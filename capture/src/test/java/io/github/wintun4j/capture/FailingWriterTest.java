// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.mock.MockDriver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A writer that fails (a full disk) stops the capture with one logged error and never the session. */
class FailingWriterTest {

    /** The ERROR lines the capture logged. */
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final System.Logger log = new System.Logger() {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (level == Level.ERROR) {
                errors.add(message);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            log(level, bundle, format, (Throwable) null);
        }
    };

    @Test
    void aFullDiskStopsTheCaptureWithOneErrorAndTheSessionGoesOn() throws Exception {
        FullDisk disk = new FullDisk(200);
        try (MockDriver driver = new MockDriver(); Adapter adapter = driver.createAdapter("Full", "Example", null)) {
            adapter.addAddress(CaptureOnMockTest.HOST, 24);
            try (PacketCapture capture = PacketCapture.toChannel(disk, "a full disk",
                    CaptureOptions.defaults().withFlushInterval(Duration.ZERO), log);
                 Session session = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), "Full")) {
                for (int i = 0; i < 50; i++) {
                    assertThat(session.sendCopy(ByteBuffer.wrap(CaptureOnMockTest.request(i)))).isTrue();
                    try (Packet reply = session.receivePacket()) {
                        assertThat(reply).as("reply %d", i).isNotNull();
                    }
                    assertThat(session.receiveEach(packet -> { }, 1)).isZero();
                }
                assertThat(capture.state()).isEqualTo(CaptureState.FAILED);
                capture.flush();
            }
        }
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("a full disk", "stopped");
        assertThat(disk.closed).isTrue();
    }

    @Test
    void aWriterThatThrowsAtOnceFailsTheStart() {
        FullDisk disk = new FullDisk(0);
        org.assertj.core.api.Assertions.assertThatIOException()
                .isThrownBy(() -> PacketCapture.toChannel(disk, "nothing", CaptureOptions.defaults(), log));
        assertThat(disk.closed).isTrue();
    }

    /** Takes {@code room} bytes, then fails as a full disk does. */
    private static final class FullDisk implements WritableByteChannel {
        private int room;
        private volatile boolean closed;

        FullDisk(int room) {
            this.room = room;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (source.remaining() > room) {
                throw new IOException("No space left on device");
            }
            room -= source.remaining();
            int written = source.remaining();
            source.position(source.limit());
            return written;
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
