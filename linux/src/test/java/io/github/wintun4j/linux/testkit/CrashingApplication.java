// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.tck.TestPackets;

/**
 * The application that {@link LinuxCrashRecoveryTest} kills: in a JVM of its own (in the test's network
 * namespace, which a child process shares), it creates a TUN device, starts a session, says {@code READY}
 * once a packet went out, and sends until it is killed. It never closes anything: a {@code kill -9} leaves
 * what it made to the kernel.
 */
public final class CrashingApplication {

    /** What the application prints when its traffic runs. */
    static final String READY = "READY";

    private CrashingApplication() {
    }

    /** @param args the backend's name ({@link Wintun#open(String)}), the device's name */
    public static void main(String[] args) throws InterruptedException {
        WintunDriver driver = Wintun.open(args[0]);
        driver.setLogger(WintunLogger.off());
        Adapter adapter = driver.createAdapter(args[1], "Crash", null);
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        byte[] packet = TestPackets.ipv4(9, 0, 100);
        for (long sequence = 0; ; sequence++) {
            Packet out = session.allocateSendPacket(packet.length);
            if (out != null) {
                out.buffer().put(0, packet);
                session.sendPacket(out);
            }
            if (sequence == 0) {
                System.out.println(READY);
                System.out.flush();
            }
            Thread.sleep(1);
        }
    }
}
