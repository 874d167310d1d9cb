// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule of {@link SessionClaims}: the session is ended exactly once, by the last of the closer and
 * the claimants that may still call the DLL, whatever the order. Each claimant is a thread of its own
 * (a claim belongs to a thread), driven step by step.
 */
class SessionClaimsTest {

    private final SessionClaims claims = new SessionClaims();
    private final ExecutorService a = Executors.newSingleThreadExecutor();
    private final ExecutorService b = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        a.shutdownNow();
        b.shutdownNow();
    }

    private static <T> T on(ExecutorService thread, Callable<T> step) throws Exception {
        try {
            return thread.submit(step).get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void withoutClaimsTheCloserEndsAtOnce() {
        assertThat(claims.close()).isTrue();
    }

    @Test
    void theCloserChecksOutItsOwnClaims() {
        assertThat(claims.claim(claims.receive)).isTrue();
        assertThat(claims.claim(claims.send)).isTrue();
        assertThat(claims.close()).isTrue();
        assertThat(claims.unclaim(claims.receive)).as("ended once only").isFalse();
    }

    @Test
    void aCloseWhileAnotherThreadHoldsASideLeavesTheEndToThatThread() throws Exception {
        assertThat(on(a, () -> claims.claim(claims.receive))).isTrue();
        assertThat(claims.close()).isFalse();
        assertThat(on(a, () -> claims.checkOut(claims.receive))).isTrue();
        assertThat(on(a, () -> claims.unclaim(claims.receive))).isFalse();
    }

    @Test
    void aClaimGivenBackAfterTheCloseEndsTheSession() throws Exception {
        assertThat(on(a, () -> claims.claim(claims.send))).isTrue();
        assertThat(claims.close()).isFalse();
        assertThat(on(a, () -> claims.unclaim(claims.send))).isTrue();
    }

    @Test
    void theLastOfTwoClaimantsEndsTheSession() throws Exception {
        assertThat(on(a, () -> claims.claim(claims.receive))).isTrue();
        assertThat(on(b, () -> claims.claim(claims.send))).isTrue();
        assertThat(claims.close()).isFalse();
        assertThat(on(a, () -> claims.checkOut(claims.receive))).isFalse();
        assertThat(on(b, () -> claims.unclaim(claims.send))).isTrue();
    }

    @Test
    void aClaimantThatSawTheClosedFlagBeforeTheCloserDecidedLeavesTheEndToTheCloser() throws Exception {
        assertThat(on(a, () -> claims.claim(claims.receive))).isTrue();
        // the session's closed flag is set, the closer has not reached SessionClaims yet
        assertThat(on(a, () -> claims.checkOut(claims.receive))).isFalse();
        assertThat(claims.close()).isTrue();
    }

    @Test
    void anotherThreadNeitherChecksOutNorGivesBackAClaimItDoesNotHold() throws Exception {
        assertThat(on(a, () -> claims.claim(claims.receive))).isTrue();
        assertThat(claims.close()).isFalse();
        assertThat(claims.checkOut(claims.receive)).isFalse();
        assertThat(claims.unclaim(claims.receive)).isFalse();
        assertThat(claims.receive.isClaimed()).isTrue();
        assertThat(on(a, () -> claims.checkOut(claims.receive))).isTrue();
    }

    @Test
    void claimsAreRefusedAfterTheCloseAndWhileHeld() throws Exception {
        assertThat(on(a, () -> claims.claim(claims.receive))).isTrue();
        assertThatThrownBy(() -> on(b, () -> claims.claim(claims.receive))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claimed by thread");
        assertThatThrownBy(claims.receive::requireUnclaimed).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claimed by thread");
        assertThat(claims.close()).isFalse();
        assertThat(on(b, () -> claims.claim(claims.send))).isFalse();
    }

    @Test
    void aGiveBackRacingTheCloseEndsTheSessionExactlyOnce() throws Exception {
        for (int round = 0; round < 2000; round++) {
            SessionClaims raced = new SessionClaims();
            assertThat(on(a, () -> raced.claim(raced.receive))).isTrue();
            assertThat(on(b, () -> raced.claim(raced.send))).isTrue();
            AtomicInteger ends = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            Future<?> first = a.submit(() -> count(go, ends, () -> raced.unclaim(raced.receive)));
            Future<?> second = b.submit(() -> count(go, ends, () -> raced.checkOut(raced.send)));
            go.countDown();
            if (raced.close()) {
                ends.incrementAndGet();
            }
            first.get();
            second.get();
            assertThat(ends.get()).as("round " + round).isEqualTo(1);
        }
    }

    private static Void count(CountDownLatch go, AtomicInteger ends, Callable<Boolean> step) throws Exception {
        go.await();
        if (step.call()) {
            ends.incrementAndGet();
        }
        return null;
    }
}
