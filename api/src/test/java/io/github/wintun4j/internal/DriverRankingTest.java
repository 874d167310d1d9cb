// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DriverRankingTest {

    /** Orders like a ServiceReference: by ranking, then the lower (older) service id first. */
    private record Reference(String backend, int ranking, long id) implements Comparable<Reference> {
        @Override
        public int compareTo(Reference other) {
            return ranking != other.ranking ? Integer.compare(ranking, other.ranking) : Long.compare(other.id, id);
        }
    }

    private static final Reference MOCK = new Reference("mock", -100, 1);
    private static final Reference JNA = new Reference("jna", 10, 2);
    private static final Reference FFM = new Reference("ffm", 20, 3);
    private static final Reference OLDER_FFM = new Reference("ffm", 20, 0);
    private static final Reference UNNAMED = new Reference(null, 50, 4);

    @Test
    void blankMeansTheHighestRankedOfAnyBackend() {
        assertThat(DriverRanking.highest(List.of(MOCK, JNA, FFM), Reference::backend, " ")).contains(FFM);
        assertThat(DriverRanking.highest(List.of(MOCK, JNA, FFM, UNNAMED), Reference::backend, "")).contains(UNNAMED);
    }

    @Test
    void aNamedBackendMatchesInAnyCaseAndTheOlderServiceWinsATie() {
        assertThat(DriverRanking.highest(List.of(MOCK, JNA, FFM), Reference::backend, " JNA ")).contains(JNA);
        assertThat(DriverRanking.highest(List.of(FFM, OLDER_FFM), Reference::backend, "ffm")).contains(OLDER_FFM);
        assertThat(DriverRanking.highest(List.of(MOCK, UNNAMED), Reference::backend, "ffm")).isEmpty();
        assertThat(DriverRanking.highest(List.<Reference>of(), Reference::backend, "")).isEmpty();
    }

    @Test
    void highestFirstSortsACopy() {
        List<Reference> present = List.of(MOCK, FFM, JNA);

        assertThat(DriverRanking.highestFirst(present)).containsExactly(FFM, JNA, MOCK);
        assertThat(present).containsExactly(MOCK, FFM, JNA);
    }

    @Test
    void onlyAnExplicitFalseIsAnEmulation() {
        assertThat(DriverRanking.isNative(Boolean.FALSE)).isFalse();
        assertThat(DriverRanking.isNative(Boolean.TRUE)).isTrue();
        assertThat(DriverRanking.isNative(null)).isTrue();
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatNullPointerException().isThrownBy(() -> DriverRanking.highest(null, Reference::backend, ""));
        assertThatNullPointerException().isThrownBy(() -> DriverRanking.highest(List.of(FFM), null, ""));
        assertThatNullPointerException().isThrownBy(() -> DriverRanking.highest(List.of(FFM), Reference::backend, null));
        assertThatNullPointerException().isThrownBy(() -> DriverRanking.highestFirst(null));
    }
}
