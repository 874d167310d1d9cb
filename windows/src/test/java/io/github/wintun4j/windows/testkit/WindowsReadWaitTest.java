// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.platform.CrossPlatformBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking receive on Windows waits by the rule of every backend ({@code SpinPolicy}), which is
 * wireguard-go's: in {@code tun/tun_windows.go}, {@code Read} spins (calling {@code ReceivePacket} again
 * with {@code procyield} between) for at most {@code spinloopDuration}, 12.5 µs, and only while its
 * measured rate is at least {@code spinloopRateThreshold}, 800 Mbit/s; otherwise it waits on the
 * read-wait event at once. {@code WintunReceivePacket} itself never waits (WireGuard/wintun
 * {@code api/session.c}: {@code ERROR_NO_MORE_ITEMS} at once on an empty ring), so the simulator's count
 * of its calls shows whether the binding spun.
 */
public abstract class WindowsReadWaitTest {

    /**
     * The most calls of a 2 ms wait that does not spin: three looks at the ring (the first, the last one as a
     * waiter, the one after the wait), each of which a binding may make twice ({@code WintunLibrary}: a
     * failing call may be repeated to read its error; the FFM binding does).
     */
    private static final long CALLS_WITHOUT_SPIN = 6;

    private WintunDriver driver;
    private Adapter adapter;
    private long luid;
    private SimNetworkSide network;

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @BeforeEach
    void open() {
        driver = backend().openDriver(Simulator.dll());
        adapter = driver.createAdapter("readwait" + ProcessHandle.current().pid() % 10000, "Test", null);
        luid = adapter.luid();
        network = new SimNetworkSide(luid);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /**
     * Delivers {@code count} packets of {@code size} bytes in one batch, receives them all (no wait: they are
     * there), consumes the read event they signalled, then counts the {@code WintunReceivePacket} calls of a
     * receive that waits 2 ms on the empty ring.
     */
    private long callsOfAnEmptyWaitAfter(Session session, int count, int size) throws InterruptedException {
        byte[] bytes = new byte[size];
        bytes[0] = 0x45;
        assertThat(network.deliver(java.util.Collections.nCopies(count, bytes))).isTrue();
        for (int i = 0; i < count; i++) {
            try (Packet packet = session.receivePacket(1, TimeUnit.SECONDS)) {
                assertThat(packet).isNotNull();
            }
        }
        // Takes the delivery's wake-up off the read-wait event. 10 ms, not 1: a wait whose budget is
        // used up before it starts (a pause of the test thread) would leave the wake-up behind, and
        // the measured receive below would then wake on it and look twice more (a flaky count of 10).
        assertThat(session.awaitReadable(10, TimeUnit.MILLISECONDS)).as("the event consumed, the ring empty").isFalse();
        long before = SimHooks.WintunSimReceiveCalls(luid);
        assertThat(session.receivePacket(2, TimeUnit.MILLISECONDS)).isNull();
        return SimHooks.WintunSimReceiveCalls(luid) - before;
    }

    @Test
    void aTrickleOfPacketsNeverMakesTheReceiverSpin() throws InterruptedException {
        try (Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            for (int i = 0; i < 20; i++) {
                Thread.sleep(1); // 64 bytes a millisecond: half a Mbit/s
                assertThat(callsOfAnEmptyWaitAfter(session, 1, 64)).as("round " + i).isLessThanOrEqualTo(CALLS_WITHOUT_SPIN);
            }
        }
    }

    @Test
    void heavyTrafficMakesTheReceiverSpinBeforeItWaits() throws InterruptedException {
        try (Session session = adapter.startSession(WintunConstants.EXAMPLE_RING_CAPACITY)) {
            long most = 0;
            for (int i = 0; i < 50 && most <= CALLS_WITHOUT_SPIN; i++) {
                // 2.6 MB between two empty rings, some 3 ms apart (mostly the waits): about 7 Gbit/s
                most = Math.max(most, callsOfAnEmptyWaitAfter(session, 40, WintunConstants.MAX_IP_PACKET_SIZE));
            }
            assertThat(most).as("a spin calls WintunReceivePacket more often than a plain wait").isGreaterThan(CALLS_WITHOUT_SPIN);
        }
    }
}
