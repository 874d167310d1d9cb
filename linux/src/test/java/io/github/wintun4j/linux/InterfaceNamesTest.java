// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Linux interface names: 15 bytes, the kernel's characters, never truncated. */
class InterfaceNamesTest {

    @Test
    void fifteenBytesAreAcceptedSixteenAreABufferOverflowNamingTheLimit() {
        assertThat(InterfaceNames.require("op", "abcdefghijklmno")).isEqualTo("abcdefghijklmno");
        assertThatThrownBy(() -> InterfaceNames.require("op", "abcdefghijklmnop"))
                .isInstanceOf(WintunException.class)
                .satisfies(e -> assertThat(((WintunException) e).errorCode()).isEqualTo(WintunErrors.ERROR_BUFFER_OVERFLOW))
                .hasMessageContaining("16 bytes").hasMessageContaining("at most 15 bytes").hasMessageContaining("truncate");
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        assertThat(InterfaceNames.require("op", "\u00e4".repeat(7) + "x")).hasSize(8);
        assertThatThrownBy(() -> InterfaceNames.require("op", "\u00e4".repeat(8)))
                .isInstanceOf(WintunException.class).hasMessageContaining("16 bytes in UTF-8");
    }

    @Test
    void namesTheKernelRefusesAreInvalidParameters() {
        for (String name : new String[] {"a/b", "a:b", "a b", "a\tb", ".", "..", "a\u00a0b"}) {
            assertThatThrownBy(() -> InterfaceNames.require("op", name)).as(name)
                    .isInstanceOf(WintunException.class)
                    .satisfies(e -> assertThat(((WintunException) e).errorCode())
                            .isEqualTo(WintunErrors.ERROR_INVALID_PARAMETER));
        }
    }

    @Test
    void nullEmptyAndNulAreTheApisArgumentErrors() {
        assertThatThrownBy(() -> InterfaceNames.require("op", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> InterfaceNames.require("op", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceNames.require("op", "a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
