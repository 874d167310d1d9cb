// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.windows.sys.Guid;
import io.github.wintun4j.windows.sys.Utf16;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GUIDs in their mixed-endian layout, FILETIME, and UTF-16 strings. */
class ConversionsTest {

    @Test
    void aGuidIsStoredWithItsFirstThreeFieldsLittleEndian() {
        UUID example = UUID.fromString("deadbabe-cafe-beef-0123-456789abcdef");
        ByteBuffer guid = Guid.of(example);
        byte[] bytes = new byte[16];
        guid.get(0, bytes);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("bebaaddefecaefbe0123456789abcdef");
        assertThat(Guid.read(guid, 0)).isEqualTo(example);
        UUID random = UUID.randomUUID();
        assertThat(Guid.read(Guid.of(random), 0)).isEqualTo(random);
    }

    @Test
    void filetimeCountsHundredNanosecondsFrom1601() {
        assertThat(LogDispatch.toInstant(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
        assertThat(LogDispatch.toInstant(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
        assertThat(LogDispatch.toInstant(116_444_736_000_000_000L + 12_345_678L))
                .isEqualTo(Instant.EPOCH.plusNanos(1_234_567_800L));
    }

    @Test
    void utf16StringsAreZeroTerminatedLittleEndian() {
        ByteBuffer text = Utf16.encode("Dé☃");
        assertThat(text.isDirect()).isTrue();
        assertThat(text.remaining()).isEqualTo(8);
        assertThat(text.get(0)).isEqualTo((byte) 'D');
        assertThat(text.get(1)).isZero();
        assertThat(text.getShort(6)).isZero();
        assertThat(Utf16.decode(text, 0, 100)).isEqualTo("Dé☃");
        assertThat(Utf16.decode(text, 0, 2)).isEqualTo("Dé");
    }
}
