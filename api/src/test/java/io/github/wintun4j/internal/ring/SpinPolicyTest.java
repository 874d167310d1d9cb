// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver spins only while traffic runs above 800 Mbit/s, as wireguard-go does with Wintun. */
class SpinPolicyTest {

    private static final long MICROSECOND = 1_000;

    @Test
    void anIdleOrQuietSessionNeverSpins() {
        SpinPolicy policy = new SpinPolicy();
        assertThat(policy.shouldSpin(1_000_000 * MICROSECOND)).as("first wait ever").isFalse();
        policy.received(1500);
        assertThat(policy.shouldSpin(1_000_000 * MICROSECOND + 1000 * MICROSECOND))
                .as("1500 bytes in a millisecond: 12 Mbit/s").isFalse();
        assertThat(policy.shouldSpin(2_000_000 * MICROSECOND)).as("nothing at all").isFalse();
    }

    @Test
    void heavyTrafficSpinsAndItsEndStopsTheSpinning() {
        SpinPolicy policy = new SpinPolicy();
        long now = 5_000_000 * MICROSECOND;
        policy.shouldSpin(now);
        policy.received(1500);
        now += 10 * MICROSECOND;
        assertThat(policy.shouldSpin(now)).as("1500 bytes in 10 us: 1.2 Gbit/s").isTrue();
        now += 100 * MICROSECOND;
        assertThat(policy.shouldSpin(now)).as("nothing came in 100 us").isFalse();
    }
}
