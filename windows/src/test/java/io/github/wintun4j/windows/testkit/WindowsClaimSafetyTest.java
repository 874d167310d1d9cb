// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.tck.ClaimContract;
import io.github.wintun4j.tck.TestPackets;
import io.github.wintun4j.platform.CrossPlatformBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A claimed side calls the DLL without the session's locks, so a {@code close()} on another thread must
 * leave {@code WintunEndSession} (which frees the rings) to the claimant. These tests close sessions under
 * claimants in every order that matters (idle, blocked in a wait, hammering the rings, giving the claim back
 * at the same moment, the adapter closed under them) and check with the simulator when the rings are freed:
 * never while the claimant may call, always once it saw the close or gave its claim back. A mistake here
 * crashes the JVM rather than failing a test.
 */
public abstract class WindowsClaimSafetyTest {

    private WintunDriver driver;
    private Adapter adapter;
    private long luid;
    private SimNetworkSide network;
    private final ExecutorService claimant = Executors.newSingleThreadExecutor(r -> new Thread(r, "claimant"));

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @BeforeEach
    void open() {
        driver = backend().openDriver(Simulator.dll());
        adapter = driver.createAdapter("claimsafe" + ProcessHandle.current().pid() % 10000, "Test", null);
        luid = adapter.luid();
        network = new SimNetworkSide(luid);
    }

    @AfterEach
    void close() {
        claimant.shutdownNow();
        driver.close();
    }

    /** Runs a step on the claimant's thread and returns what it returned, or throws what it threw. */
    private <T> T onClaimant(Callable<T> step) throws Exception {
        try {
            return claimant.submit(step).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static void assertEndOfFile(Throwable thrown) {
        assertThat(thrown).isInstanceOf(WintunException.class);
        assertThat(((WintunException) thrown).errorCode()).isEqualTo(WintunErrors.ERROR_HANDLE_EOF);
    }

    @Test
    void aCloseOnAnotherThreadLeavesTheEndToTheClaimantsNextCall() throws Exception {
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        Receiver receiver = onClaimant(session::claimReceiver);
        Sender sender = onClaimant(session::claimSender);

        session.close();
        assertThat(SimHooks.hasSession(luid)).as("rings kept while the claimant may call").isTrue();
        assertThat(session.isOpen()).isFalse();

        assertEndOfFile(catchOnClaimant(receiver::receivePacket));
        assertThat(SimHooks.hasSession(luid)).as("the sender may still call").isTrue();
        assertEndOfFile(catchOnClaimant(() -> sender.allocateSendPacket(60)));
        assertThat(SimHooks.hasSession(luid)).as("ended by the last claimant's call").isFalse();
        onClaimant(() -> {
            receiver.close();
            sender.close();
            return null;
        });
    }

    private Throwable catchOnClaimant(Callable<?> step) throws Exception {
        return onClaimant(() -> {
            try {
                step.call();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
    }

    @Test
    void aClaimantThatNeverCallsAgainKeepsTheRingsUntilItGivesTheClaimBack() throws Exception {
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        Receiver receiver = onClaimant(session::claimReceiver);
        session.close();
        session.close();
        assertThat(SimHooks.hasSession(luid)).isTrue();
        onClaimant(() -> {
            receiver.close();
            return null;
        });
        assertThat(SimHooks.hasSession(luid)).isFalse();
    }

    @Test
    @Timeout(20)
    void aClaimantBlockedInAWaitWakesAtTheCloseAndEndsTheSession() throws Exception {
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        Receiver receiver = onClaimant(session::claimReceiver);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                waiting.countDown();
                receiver.receivePacket(30, TimeUnit.SECONDS);
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, claimant);
        waiting.await();
        Thread.sleep(50);
        long start = System.nanoTime();
        session.close();
        Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
        assertEndOfFile(thrown);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(SimHooks.hasSession(luid)).isFalse();
    }

    @Test
    void closingTheAdapterUnderAnIdleClaimantIsSafe() throws Exception {
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        assertThat(network.deliver(List.of(TestPackets.ipv4(1, 0, 60)))).isTrue();
        Receiver receiver = onClaimant(session::claimReceiver);
        Packet held = onClaimant(receiver::receivePacket);
        assertThat(held).isNotNull();

        adapter.close();
        assertThat(held.isUsable()).isFalse();
        assertThatThrownBy(held::buffer).isInstanceOf(IllegalStateException.class);
        assertEndOfFile(catchOnClaimant(receiver::receivePacket));
        onClaimant(() -> {
            held.close();
            receiver.close();
            return null;
        });
    }

    /**
     * Removing an adapter makes the driver close the session's registration handle inside the process
     * (WireGuard/wintun {@code driver/wintun.c}, {@code TunDispatchPnp}: on {@code IRP_MN_QUERY_REMOVE_DEVICE} it
     * walks the system handle table and closes every handle of the rings' owning file object), and
     * {@code WintunEndSession} closes it too ({@code api/session.c}: {@code CloseHandle(Session->Handle)}). Ended
     * after {@code WintunCloseAdapter}, the session would close a handle value that on Windows may by then name
     * another handle of the JVM. The simulator fails and counts a close of a handle that is not open. With a
     * claimant delaying the session's end, closing the adapter must still end the session before the adapter:
     * the adapter goes once the claimant has checked out.
     */
    @Test
    void closingTheAdapterUnderAClaimantEndsTheSessionBeforeTheAdapter() throws Exception {
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        Receiver receiver = onClaimant(session::claimReceiver);
        String name = adapter.name();
        long invalidClosesBefore = SimHooks.WintunSimInvalidCloses();

        adapter.close();
        assertEndOfFile(catchOnClaimant(receiver::receivePacket));
        assertThat(SimHooks.WintunSimInvalidCloses() - invalidClosesBefore)
                .as("CloseHandle calls on a handle that was not open (the registration handle the adapter's removal"
                        + " closed)").isZero();
        assertThatThrownBy(() -> driver.openAdapter(name)).as("removed after the session ended")
                .isInstanceOfSatisfying(WintunException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_FOUND));
        assertThat(SimHooks.hasSession(luid)).isFalse();
        onClaimant(() -> {
            receiver.close();
            return null;
        });
    }

    /**
     * An in-place handler that closes its receiver gives the claim back only when the call returns: until
     * then the claim keeps another thread's close from ending the session ({@code WintunEndSession} frees the
     * rings), so that the packet in the handler's hands is never released into freed rings (WireGuard/wintun
     * {@code api/session.c}: {@code WintunReleaseReceivePacket} writes the packet's Size and the ring's Head).
     * The give-back at the return ends the session.
     */
    @Test
    void aHandlerThatGivesTheClaimBackKeepsTheRingsUntilItsCallReturns() throws Exception {
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        assertThat(network.deliver(List.of(TestPackets.ipv4(1, 0, 60), TestPackets.ipv4(1, 1, 60)))).isTrue();
        List<Boolean> ringsKept = new java.util.ArrayList<>();
        Integer handed = onClaimant(() -> {
            Receiver receiver = session.claimReceiver();
            return receiver.receiveEach(packet -> {
                receiver.close();
                CompletableFuture.runAsync(session::close).join();
                ringsKept.add(SimHooks.hasSession(luid));
                packet.get(packet.position());
            }, 10);
        });
        assertThat(handed).as("the call ends after the handler that gave the claim back").isEqualTo(1);
        assertThat(ringsKept).as("rings kept while the handler ran").containsExactly(true);
        assertThat(SimHooks.hasSession(luid)).as("ended by the give-back at the return").isFalse();
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void packetsOfAClaimedSideAreRefusedOnOtherThreads() throws Exception {
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            assertThat(network.deliver(List.of(TestPackets.ipv4(1, 0, 60)))).isTrue();
            Receiver receiver = onClaimant(session::claimReceiver);
            Sender sender = onClaimant(session::claimSender);
            Packet received = onClaimant(() -> receiver.receivePacket(5, TimeUnit.SECONDS));
            Packet allocated = onClaimant(() -> sender.allocateSendPacket(60));

            String claimed = ClaimContract.claimedBy(onClaimant(Thread::currentThread));
            for (Packet packet : new Packet[] {received, allocated}) {
                assertThatThrownBy(packet::close).isInstanceOf(IllegalStateException.class).hasMessage(claimed);
                assertThat(packet.isUsable()).isTrue();
            }
            assertThatThrownBy(() -> session.releaseReceivePacket(received)).isInstanceOf(IllegalStateException.class)
                    .hasMessage(claimed);
            assertThatThrownBy(() -> session.sendPacket(allocated)).isInstanceOf(IllegalStateException.class)
                    .hasMessage(claimed);
            assertThat(catchOnClaimant(() -> {
                session.releaseReceivePacket(received);
                return null;
            })).as("the claimant too")
                    .isInstanceOf(IllegalStateException.class).hasMessage(claimed);
            onClaimant(() -> {
                received.close();
                allocated.close();
                receiver.close();
                sender.close();
                return null;
            });
            assertThat(received.isUsable()).isFalse();
            assertThat(allocated.isUsable()).isFalse();
        }
    }

    @Test
    @Timeout(60)
    void aClaimantHammeringTheRingsWhileAnotherThreadClosesEndsCleanly() throws Exception {
        for (int round = 0; round < 20; round++) {
            Session session = adapter.startSession(0x40000);
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Void> work = CompletableFuture.runAsync(() -> hammer(session, started, unexpected), claimant);
            started.await();
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10));
            session.close();
            work.get(10, TimeUnit.SECONDS);
            assertThat(unexpected.get()).as("round " + round).isNull();
            assertThat(SimHooks.hasSession(luid)).as("round " + round).isFalse();
        }
    }

    /** On the claimant: receives, releases, allocates and sends until the session ends, then gives the claims back. */
    private void hammer(Session session, CountDownLatch started, AtomicReference<Throwable> unexpected) {
        byte[] packet = TestPackets.ipv4(1, 0, 64);
        try (Receiver receiver = session.claimReceiver(); Sender sender = session.claimSender()) {
            started.countDown();
            while (true) {
                network.deliver(List.of(packet));
                Packet in = receiver.receivePacket(1, TimeUnit.MILLISECONDS);
                if (in != null) {
                    in.buffer().get(0);
                    receiver.releaseReceivePacket(in);
                }
                Packet out = sender.allocateSendPacket(64);
                if (out != null) {
                    out.buffer().put(0, packet);
                    sender.sendPacket(out);
                }
            }
        } catch (WintunException e) {
            if (!e.isEndOfFile()) {
                unexpected.set(e);
            }
        } catch (IllegalStateException e) {
            if (!StalePackets.isStalePacket(e)) { // a packet whose session closed under it
                unexpected.set(e);
            }
        } catch (Throwable e) {
            unexpected.set(e);
        } finally {
            started.countDown();
        }
    }

    @Test
    @Timeout(60)
    void claimsGivenBackWhileTheSessionClosesEndItExactlyOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Void> giveBack = CompletableFuture.runAsync(() -> {
                Receiver receiver = session.claimReceiver();
                Sender sender = session.claimSender();
                claimed.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                receiver.close();
                sender.close();
            }, claimant);
            claimed.await();
            go.countDown();
            session.close();
            giveBack.get(10, TimeUnit.SECONDS);
            assertThat(SimHooks.hasSession(luid)).as("round " + round).isFalse();
            assertThat(session.isOpen()).isFalse();
        }
    }
}
