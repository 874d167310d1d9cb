// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.PacketHandler;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.platform.CrossPlatformBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The DLL frees a session's rings in {@code WintunEndSession}, and the simulator unmaps them, so any
 * touch of that memory afterwards would crash this JVM. These tests hold buffers and packets across a
 * close, and close while other threads hammer the session: every access afterwards is an exception
 * (a view that was revoked) or shows bytes of memory Java owns (a copy), never freed memory.
 */
public abstract class WindowsMemorySafetyTest {

    private WintunDriver driver;
    private Adapter adapter;
    private SimNetworkSide network;

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @BeforeEach
    void open() {
        driver = backend().openDriver(Simulator.dll());
        adapter = driver.createAdapter("memsafe" + ProcessHandle.current().pid() % 10000, "Test", null);
        network = new SimNetworkSide(adapter.luid());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void buffersHeldAcrossTheCloseOfTheirSessionNeverReachFreedMemory() {
        for (int round = 0; round < 20; round++) {
            Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
            byte[] bytes = new byte[1500];
            bytes[0] = 0x45;
            assertThat(network.deliver(List.of(bytes))).isTrue();
            Packet received = session.receivePacket();
            Packet allocated = session.allocateSendPacket(1500);
            ByteBuffer in = received.buffer();
            ByteBuffer out = allocated.buffer();
            session.close();
            for (ByteBuffer stale : new ByteBuffer[] {in, out}) {
                Throwable thrown = catchThrowable(() -> {
                    long sum = 0;
                    for (int i = 0; i < stale.limit(); i++) {
                        sum += stale.get(i);
                    }
                    if (!stale.isReadOnly()) {
                        stale.put(0, (byte) 1);
                    }
                    assertThat(sum).isNotNull();
                });
                if (thrown != null) {
                    assertThat(thrown).as("a stale view works on memory Java owns, or is revoked")
                            .isInstanceOf(IllegalStateException.class).hasMessage(StalePackets.VIEW_REVOKED);
                }
            }
            assertThat(catchThrowable(received::buffer)).isInstanceOf(IllegalStateException.class)
                    .hasMessage(StalePackets.SESSION_CLOSED);
            received.close();
            allocated.close();
        }
    }

    /**
     * The in-place receive calls {@code WintunReceivePacket} and {@code WintunReleaseReceivePacket} itself,
     * with no packet object in between. In WireGuard/wintun's {@code api/session.c} the release writes into
     * the ring (it marks the packet's Size with {@code TUN_PACKET_RELEASE} and moves {@code Ring->Head}),
     * memory that {@code WintunEndSession} frees with {@code VirtualFree}: after a handler closed the session,
     * the packet must not be released, and a view the handler kept must never reach the freed ring. On the
     * locked way and on a claimed receiver alike.
     */
    @Test
    void anInPlaceHandlerThatClosesItsSessionLeavesNothingToTouchTheFreedRings() throws InterruptedException {
        for (boolean claimed : new boolean[] {false, true}) {
            Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
            byte[] bytes = new byte[100];
            bytes[0] = 0x45;
            assertThat(network.deliver(List.of(bytes, bytes))).isTrue();
            AtomicReference<ByteBuffer> kept = new AtomicReference<>();
            PacketHandler closing = packet -> {
                kept.set(packet);
                session.close();
            };
            Receiver receiver = claimed ? session.claimReceiver() : null;
            int handed = claimed ? receiver.receiveEach(closing, 10) : session.receiveEach(closing, 10);
            assertThat(handed).as("the call ends after the handler that closed").isEqualTo(1);
            assertThat(SimHooks.hasSession(adapter.luid())).as("the rings were freed at the close").isFalse();
            Throwable thrown = catchThrowable(() -> kept.get().get(0));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage(StalePackets.VIEW_REVOKED);
            }
            Throwable next = catchThrowable(() -> {
                int ignored = claimed ? receiver.receiveEach(packet -> { }, 1) : session.receiveEach(packet -> { }, 1);
            });
            assertThat(next).isInstanceOf(WintunException.class);
            assertThat(((WintunException) next).isEndOfFile()).isTrue();
            if (claimed) {
                receiver.close();
            }
        }
    }

    @Test
    @Timeout(60)
    void closingTheSessionWhileEightThreadsUseItEndsEachCleanly() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            Session session = adapter.startSession(0x40000);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(8);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean receiver = t % 2 == 0;
                Thread thread = new Thread(() -> {
                    started.countDown();
                    byte[] packet = new byte[64];
                    packet[0] = 0x45;
                    try {
                        while (!stop.get()) {
                            if (receiver) {
                                network.deliver(List.of(packet));
                                Packet received = session.receivePacket(5, TimeUnit.MILLISECONDS);
                                if (received != null) {
                                    received.buffer().get(0);
                                    session.releaseReceivePacket(received);
                                }
                            } else {
                                Packet allocated = session.allocateSendPacket(64);
                                if (allocated != null) {
                                    allocated.buffer().put(0, packet);
                                    session.sendPacket(allocated);
                                }
                                network.takeSent(0, TimeUnit.MILLISECONDS);
                            }
                        }
                    } catch (WintunException e) {
                        if (!e.isEndOfFile()) {
                            unexpected.compareAndSet(null, e);
                        }
                    } catch (IllegalStateException e) {
                        if (!StalePackets.isStalePacket(e)) { // a packet whose session closed under it
                            unexpected.compareAndSet(null, e);
                        }
                    } catch (Throwable e) {
                        unexpected.compareAndSet(null, e);
                    }
                }, "memsafe-" + t);
                thread.start();
                threads.add(thread);
            }
            started.await();
            Thread.sleep(20);
            session.close();
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(5000);
                assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
            }
            assertThat(unexpected.get()).as("an unexpected failure").isNull();
        }
    }

    @Test
    void closingTheAdapterTheDriverAndTheSessionFromManyThreadsAtOnceIsSafe() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            Adapter other = driver.createAdapter("memrace" + round, "Test", null);
            Session session = other.startSession(WintunConstants.MIN_RING_CAPACITY);
            Packet allocated = session.allocateSendPacket(100);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> closers = new ArrayList<>();
            for (Runnable close : new Runnable[] {session::close, other::close, session::close, allocated::close,
                    other::close}) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        close.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                thread.start();
                closers.add(thread);
            }
            go.countDown();
            for (Thread thread : closers) {
                thread.join();
            }
            assertThat(session.isOpen()).isFalse();
            assertThat(other.isOpen()).isFalse();
            assertThat(allocated.isUsable()).isFalse();
        }
    }
}
