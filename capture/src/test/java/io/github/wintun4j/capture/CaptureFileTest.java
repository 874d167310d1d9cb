// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.capture.testkit.Tshark;
import io.github.wintun4j.mock.MockDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The file itself: who may read it, what it never overwrites, and that any prefix of it is readable. */
class CaptureFileTest {

    @TempDir
    Path directory;

    @Test
    void theFileIsTheOwnersOnly() throws Exception {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = directory.resolve("private.pcapng");
        PacketCapture.toFile(file).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        Path file = Files.writeString(directory.resolve("existing.pcapng"), "keep me");
        assertThatExceptionOfType(FileAlreadyExistsException.class).isThrownBy(() -> PacketCapture.toFile(file));
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aSymbolicLinkIsNeverFollowed() throws Exception {
        Path target = Files.writeString(directory.resolve("victim"), "keep me");
        Path link = Files.createSymbolicLink(directory.resolve("link.pcapng"), target);
        assertThatExceptionOfType(FileAlreadyExistsException.class).isThrownBy(() -> PacketCapture.toFile(link));
        assertThat(Files.readString(target)).isEqualTo("keep me");

        Path missing = directory.resolve("not-there-yet");
        Path dangling = Files.createSymbolicLink(directory.resolve("dangling.pcapng"), missing);
        assertThatExceptionOfType(FileAlreadyExistsException.class).isThrownBy(() -> PacketCapture.toFile(dangling));
        assertThat(missing).doesNotExist();
    }

    @Test
    void everyPrefixIsReadUpToItsLastCompleteBlock() throws Exception {
        Tshark tshark = Tshark.require();
        Path file = directory.resolve("whole.pcapng");
        try (MockDriver driver = new MockDriver(); Adapter adapter = driver.createAdapter("Cut", "Example", null)) {
            adapter.addAddress(CaptureOnMockTest.HOST, 24);
            try (PacketCapture capture = PacketCapture.toFile(file);
                 Session session = capture.wrap(adapter.startSession(WintunConstants.MIN_RING_CAPACITY), "Cut")) {
                session.sendCopy(ByteBuffer.wrap(CaptureOnMockTest.request(1)));
                session.receiveEach(packet -> { }, 1);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> packetEnds = packetBlockEnds(bytes);
        assertThat(packetEnds).hasSize(2);
        int headerEnd = packetEnds.get(0) - blockLength(bytes, packetEnds, 0);

        Path cut = directory.resolve("cut.pcapng");
        for (int length = headerEnd; length <= bytes.length; length++) {
            Files.write(cut, java.util.Arrays.copyOf(bytes, length));
            int complete = 0;
            for (int end : packetEnds) {
                complete += end <= length ? 1 : 0;
            }
            assertThat(tshark.countFrames(cut)).as("frames read from the first %d of %d bytes", length, bytes.length)
                    .isEqualTo(complete);
        }
    }

    /** Walks the blocks as a reader does and returns where each Enhanced Packet Block ends. */
    private static List<Integer> packetBlockEnds(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> ends = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += in.getInt(at + 4)) {
            if (in.getInt(at) == PcapngBlocks.ENHANCED_PACKET_TYPE) {
                ends.add(at + in.getInt(at + 4));
            }
        }
        return ends;
    }

    private static int blockLength(byte[] bytes, List<Integer> ends, int index) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(ends.get(index) - 4);
    }

    @Test
    void theHeaderNamesTheWriter() throws IOException {
        Path file = directory.resolve("header.pcapng");
        PacketCapture.toFile(file).close();
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains("wintun4j");
    }
}
