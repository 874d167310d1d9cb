// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import org.junit.jupiter.api.Test;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code createAdapter} accepts as a name and a tunnel type: 1..limit units without NUL; too
 * long is {@code ERROR_BUFFER_OVERFLOW} (reference section 1), empty or NUL an
 * {@link IllegalArgumentException}, null a {@link NullPointerException}.
 */
public interface AdapterNameContract extends WintunFixture {

    @Test
    default void theLongestNameIsAccepted() {
        String name = padded(uniqueAdapterName(), adapterNameLimit());
        Adapter adapter = newAdapter(name, null);
        assertThat(adapter.name()).isEqualTo(name);
        assertThat(openAdapter(name).guid()).isEqualTo(adapter.guid());
    }

    @Test
    default void aNameOneUnitTooLongFailsWithBufferOverflowNamingTheLimit() {
        String name = padded(uniqueAdapterName(), adapterNameLimit() + 1);
        WintunException error = assertWintunError(WintunErrors.ERROR_BUFFER_OVERFLOW,
                () -> driver().createAdapter(name, TUNNEL_TYPE, null));
        assertThat(error.getMessage()).contains(Integer.toString(adapterNameLimit()));
    }

    /**
     * {@code WintunCreateAdapter} (WireGuard/wintun {@code api/adapter.c}) formats {@code "%s Tunnel"} into
     * {@code WCHAR TunnelTypeName[MAX_ADAPTER_NAME + 8]} with {@code _TRUNCATE} and fails with
     * {@code ERROR_BUFFER_OVERFLOW} when it does not fit: with MAX_ADAPTER_NAME = 128, a tunnel type of 128
     * units fits (128 + 7 + NUL = 136), one of 129 does not. Names stop at 127 units, tunnel types at 128.
     */
    @Test
    default void aTunnelTypeOf128UnitsIsAcceptedAndOneOf129FailsWithBufferOverflow() {
        String longest = padded("T", WintunConstants.MAX_ADAPTER_NAME_LENGTH + 1);
        Adapter adapter = driver().createAdapter(uniqueAdapterName(), longest, null);
        try {
            assertThat(adapter.tunnelType()).isEqualTo(longest);
        } finally {
            adapter.close();
        }
        String tunnelType = padded("T", WintunConstants.MAX_ADAPTER_NAME_LENGTH + 2);
        WintunException error = assertWintunError(WintunErrors.ERROR_BUFFER_OVERFLOW,
                () -> driver().createAdapter(uniqueAdapterName(), tunnelType, null));
        assertThat(error.getMessage()).contains(Integer.toString(WintunConstants.MAX_ADAPTER_NAME_LENGTH + 1));
    }

    @Test
    default void emptyNameOrTunnelTypeIsAnIllegalArgument() {
        assertThatThrownBy(() -> driver().createAdapter("", TUNNEL_TYPE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> driver().createAdapter(uniqueAdapterName(), "", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    default void nulInNameOrTunnelTypeIsAnIllegalArgument() {
        assertThatThrownBy(() -> driver().createAdapter("tck\0nul", TUNNEL_TYPE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> driver().createAdapter(uniqueAdapterName(), "Tck\0", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    default void nullNameOrTunnelTypeIsANullPointer() {
        assertThatThrownBy(() -> driver().createAdapter(null, TUNNEL_TYPE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> driver().createAdapter(uniqueAdapterName(), null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tunnel");
        assertThatThrownBy(() -> driver().openAdapter(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
    }

    @Test
    default void aRefusedNameCreatesNothing() {
        String name = padded(uniqueAdapterName(), adapterNameLimit() + 1);
        assertThatThrownBy(() -> driver().createAdapter(name, TUNNEL_TYPE, null)).isInstanceOf(WintunException.class);
        String truncated = name.substring(0, adapterNameLimit());
        assertWintunError(WintunErrors.ERROR_NOT_FOUND, () -> driver().openAdapter(truncated));
    }

    private static String padded(String prefix, int length) {
        StringBuilder name = new StringBuilder(prefix);
        while (name.length() < length) {
            name.append('x');
        }
        return name.toString();
    }
}
