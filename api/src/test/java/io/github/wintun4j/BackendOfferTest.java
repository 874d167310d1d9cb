// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import io.github.wintun4j.internal.BackendOffer;
import io.github.wintun4j.internal.OffloadReport;
import io.github.wintun4j.spi.BackendAvailability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service properties a backend's probe registers ({@link BackendOffer}, internal), the offloads
 * among them. Here beside {@link FakeBackend}, which it reuses.
 */
class BackendOfferTest {

    /** A backend whose sessions would take the given offloads. */
    private static final class OffloadingBackend extends FakeBackend implements OffloadReport {
        private final List<String> offloads;

        OffloadingBackend(List<String> offloads) {
            super("tun", true, 1, BackendAvailability.ofUsable());
            this.offloads = offloads;
        }

        @Override
        public List<String> sessionOffloads() {
            return offloads;
        }
    }

    @Test
    void aBackendThatReportsOffloadsOffersThemAsAStringArray() {
        Map<String, Object> properties = BackendOffer.serviceProperties(
                new OffloadingBackend(List.of("checksum", "TSO", "USO")), "test").orElseThrow();

        assertThat(properties).containsEntry(WintunServiceProperties.BACKEND, "tun")
                .containsEntry(WintunServiceProperties.NATIVE, true);
        assertThat(properties.get(BackendOffer.OFFLOADS)).isInstanceOf(String[].class);
        assertThat(BackendOffer.offloadsOf(properties.get(BackendOffer.OFFLOADS))).containsExactly("checksum", "TSO", "USO");
    }

    @Test
    void aBackendThatSaysNothingOffersNone() {
        FakeBackend wintun = new FakeBackend("wintun", true, 1, BackendAvailability.ofUsable());
        Map<String, Object> properties = BackendOffer.serviceProperties(wintun, "test").orElseThrow();

        assertThat(BackendOffer.offloadsOf(properties.get(BackendOffer.OFFLOADS))).isEmpty();
        assertThat(BackendOffer.sessionOffloads(wintun)).isEmpty();
    }

    @Test
    void anUnusableBackendOffersNothing() {
        assertThat(BackendOffer.serviceProperties(
                new FakeBackend("tun", true, 1, BackendAvailability.ofUnusable("no device node")), "test")).isEmpty();
    }

    @Test
    void theReportIsCopiedSoALaterChangeDoesNotLeakIntoTheOffer() {
        List<String> names = new ArrayList<>(List.of("checksum", "TSO"));
        List<String> reported = BackendOffer.sessionOffloads(new OffloadingBackend(names));
        names.add("USO");

        assertThat(reported).containsExactly("checksum", "TSO");
    }

    @Test
    void aPropertyOfAnotherShapeReadsAsWellAsItCan() {
        assertThat(BackendOffer.offloadsOf(null)).isEmpty();
        assertThat(BackendOffer.offloadsOf("checksum")).containsExactly("checksum");
        assertThat(BackendOffer.offloadsOf(" ")).isEmpty();
        assertThat(BackendOffer.offloadsOf(42)).isEmpty();
        assertThat(BackendOffer.offloadsOf(new String[0])).isEmpty();
    }
}
