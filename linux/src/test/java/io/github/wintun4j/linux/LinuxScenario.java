// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.tck.TestPackets;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What an application does from start to end, in named steps, against {@link FakeKernel}, as the Linux
 * fault-injection test repeats it: create a TUN device, open it a second time, configure an address and the
 * MTU, start a session, send a packet, receive one the kernel routes to the device, wait on an empty
 * device, remove the address, end the session, close (delete) the device, delete the driver. Each step fails
 * loudly when it sees anything but success. Not thread-safe: one scenario, one thread.
 */
final class LinuxScenario {

    /** One step. */
    record Step(String name, Action action) {
    }

    /** A step's work. */
    interface Action {
        void run(LinuxScenario scenario) throws Exception;
    }

    private static final InetAddress LOCAL = address(new byte[] {10, 6, 7, 7});
    /** Bounds every wait, so that a lost wake-up fails the step instead of hanging the test. */
    private static final long PATIENCE_SECONDS = 5;
    /** Long enough to spin, then wait; short, since every run of a later step waits it once. */
    private static final long EMPTY_WAIT_MILLIS = 1;
    /** "Queue full" is an ordinary result: the application tries again, a few times. */
    private static final int ALLOCATION_ATTEMPTS = 3;
    private static final byte[] PACKET = TestPackets.ipv4(1, 1, 100);

    static final List<Step> STEPS = List.of(
            new Step("create adapter", s -> s.adapter = s.driver.createAdapter(s.name, "Test", null)),
            new Step("open adapter", s -> s.driver.openAdapter(s.name).close()),
            new Step("add address", s -> s.adapter.addAddress(LOCAL, 24)),
            new Step("set MTU", s -> s.adapter.setMtu(1400)),
            new Step("read MTU", s -> s.adapter.mtu()),
            new Step("start session", s -> s.session = s.adapter.startSession(WintunConstants.MIN_RING_CAPACITY)),
            new Step("send", LinuxScenario::send),
            new Step("receive routed", LinuxScenario::receiveRouted),
            new Step("wait on empty device", LinuxScenario::waitOnEmpty),
            new Step("remove address", s -> s.adapter.removeAddress(LOCAL, 24)),
            new Step("end session", s -> s.session.close()),
            new Step("close adapter", s -> s.adapter.close()),
            new Step("delete driver", s -> s.driver.deleteDriver()));

    private final WintunDriver driver;
    private final FakeKernel kernel;
    private final String name;
    private Adapter adapter;
    private Session session;

    LinuxScenario(WintunDriver driver, FakeKernel kernel, String name) {
        this.driver = driver;
        this.kernel = kernel;
        this.name = name;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void send() throws InterruptedException {
        int writesBefore = kernel.tunWriteAttempts();
        Packet packet = null;
        for (int attempt = 0; attempt < ALLOCATION_ATTEMPTS && packet == null; attempt++) {
            packet = session.allocateSendPacket(PACKET.length);
        }
        if (packet == null) {
            throw new AssertionError("the send ring stayed full for " + ALLOCATION_ATTEMPTS + " allocations");
        }
        packet.buffer().put(0, PACKET);
        session.sendPacket(packet);
        // Mostly written on this thread before sendPacket returns; but when the send thread held the
        // write token at that moment, it writes the packet soon after. Either way the write belongs to
        // this step. Unless the session ended meanwhile (a session thread found the device gone): then
        // nothing more is written, and the application learns it at its next call.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        PacketPump pump = ((LinuxSession) session).pump();
        while (!kernel.awaitTunWriteAttempts(writesBefore + 1, 10, TimeUnit.MILLISECONDS) && !pump.sendEnded()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the sent packet reached no write(2) within " + PATIENCE_SECONDS + " s");
            }
        }
        // And what the write found is acted on: the writer ends the session before it gives the
        // token back (a device gone), so the next step sees the same whichever thread wrote.
        while (!pump.sendIdle() && !pump.sendEnded()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the write of the sent packet did not end within " + PATIENCE_SECONDS + " s");
            }
            Thread.onSpinWait();
        }
    }

    private void receiveRouted() throws InterruptedException {
        kernel.route(PACKET);
        Packet packet = session.receivePacket(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (packet == null) {
            throw new AssertionError("the routed packet did not arrive within " + PATIENCE_SECONDS + " s");
        }
        session.releaseReceivePacket(packet);
    }

    private void waitOnEmpty() throws InterruptedException {
        Packet packet = session.receivePacket(EMPTY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (packet != null) {
            throw new AssertionError("a packet arrived on a device that should be empty: " + packet);
        }
    }
}
