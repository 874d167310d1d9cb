// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.tck.TestPackets;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What an application does with Wintun from start to end, in named steps, as the fault-injection test
 * repeats it: set the logger, create an adapter, open it a second time, read the driver's version, configure an address and
 * the MTU, start a session, send an echo request that the simulated stack answers, receive the answer, wait
 * on an empty ring, receive a packet from the network, remove the address, end the session, close the
 * adapter and delete the driver. Each step fails loudly when it sees something other than success, so that
 * a fault the API claims to handle must really be handled. Not thread-safe: one scenario, one thread.
 */
final class WindowsScenario {

    /** One step. */
    record Step(String name, Action action) {
    }

    /** A step's work. */
    interface Action {
        void run(WindowsScenario scenario) throws Exception;
    }

    private static final InetAddress LOCAL = address(10, 6, 7, 7);
    private static final InetAddress PEER = address(10, 6, 7, 8);
    /** Bounds every wait, so that a lost wake-up fails the step instead of hanging the test. */
    private static final long PATIENCE_SECONDS = 5;
    /** A receive on an empty ring, long enough to spin and then wait on the read event. */
    private static final long EMPTY_WAIT_MILLIS = 20;
    /** "Ring full" is an ordinary result: the application tries again, a few times. */
    private static final int ALLOCATION_ATTEMPTS = 3;

    static final List<Step> STEPS = List.of(
            new Step("set logger", s -> s.driver.setLogger(null)),
            new Step("create adapter", s -> s.adapter = s.driver.createAdapter(s.name, "Test", null)),
            new Step("open adapter", s -> s.driver.openAdapter(s.name).close()),
            new Step("driver version", s -> s.driver.runningDriverVersion()),
            new Step("add address", s -> s.adapter.addAddress(LOCAL, 24)),
            new Step("set MTU", s -> s.adapter.setMtu(1400)),
            new Step("read MTU", s -> s.adapter.mtu()),
            new Step("start session", s -> s.session = s.adapter.startSession(WintunConstants.MIN_RING_CAPACITY)),
            new Step("allocate", WindowsScenario::allocateRequest),
            new Step("send", s -> s.session.sendPacket(s.request)),
            new Step("receive reply", s -> s.receiveOne("the echo reply")),
            new Step("wait on empty ring", WindowsScenario::waitOnEmptyRing),
            new Step("receive delivered", WindowsScenario::receiveDelivered),
            new Step("remove address", s -> s.adapter.removeAddress(LOCAL, 24)),
            new Step("end session", s -> s.session.close()),
            new Step("close adapter", s -> s.adapter.close()),
            new Step("delete driver", s -> s.driver.deleteDriver()));

    private final WintunDriver driver;
    private final String name;
    private Adapter adapter;
    private Session session;
    private Packet request;

    WindowsScenario(WintunDriver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    private static InetAddress address(int... bytes) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) bytes[0], (byte) bytes[1], (byte) bytes[2],
                    (byte) bytes[3]});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void allocateRequest() {
        EchoPacketBuilder echo = EchoPacketBuilder.request().source(PEER).destination(LOCAL).identifier(7).sequence(1);
        for (int attempt = 0; attempt < ALLOCATION_ATTEMPTS && request == null; attempt++) {
            request = session.allocateSendPacket(echo.length());
        }
        if (request == null) {
            throw new AssertionError("the send ring stayed full for " + ALLOCATION_ATTEMPTS + " allocations");
        }
        echo.writeTo(request.buffer());
    }

    private void receiveOne(String what) throws InterruptedException {
        Packet packet = session.receivePacket(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (packet == null) {
            throw new AssertionError(what + " did not arrive within " + PATIENCE_SECONDS + " s");
        }
        session.releaseReceivePacket(packet);
    }

    private void waitOnEmptyRing() throws InterruptedException {
        Packet packet = session.receivePacket(EMPTY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (packet != null) {
            throw new AssertionError("a packet arrived on a ring that should be empty: " + packet);
        }
    }

    private void receiveDelivered() throws InterruptedException {
        if (!new SimNetworkSide(adapter.luid()).deliver(List.of(TestPackets.ipv4(1, 1, 100)))) {
            throw new AssertionError("the receive ring did not take one packet");
        }
        receiveOne("the delivered packet");
    }
}
