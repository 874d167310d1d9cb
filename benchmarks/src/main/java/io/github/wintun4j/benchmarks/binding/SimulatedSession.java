// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.binding;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.windows.WintunDll;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A session through one backend's Windows binding, with the wintun ABI simulator as wintun.dll (named
 * by the system property {@value WintunDll#PATH_PROPERTY}, an absolute path): the very code that runs
 * on Windows, down to the native calls. The receive ring is filled once with as many packets as it
 * holds and replayed by the simulator (no copying) each time all of them were received and released; sent packets are dropped by the simulator
 * unseen. So each measured packet costs the session, the binding and the simulator's ring work, which
 * the C baseline ({@code src/main/c/binding_cost.c}) measures alone.
 */
@State(Scope.Thread)
public class SimulatedSession {

    /** The ring capacity of the Wintun example, {@code 0x400000} (4 MiB); the C baseline uses the same. */
    static final int CAPACITY = WintunConstants.EXAMPLE_RING_CAPACITY;

    /** The native backend: {@code ffm} (java.lang.foreign) or {@code jna}. */
    @Param({"ffm", "jna"})
    public String backend;

    /** The packet size in bytes: a minimum-size frame, and a full Ethernet MTU. */
    @Param({"64", "1500"})
    public int size;

    WintunDriver driver;
    Adapter adapter;
    Session session;
    long luid;
    /** How many packets the receive ring holds, and how many of them are left to receive. */
    private int inRing;
    private int left;

    @Setup(Level.Trial)
    public void open() {
        String property = System.getProperty(WintunDll.PATH_PROPERTY);
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("name the wintun ABI simulator with -D" + WintunDll.PATH_PROPERTY
                    + "=<absolute path of libwintun4j-sim.so> (benchmarks/binding-cost.sh builds it and does so)");
        }
        Path simulator = Paths.get(property).toAbsolutePath();
        driver = WintunDll.fromPath(simulator, null).open(backend);
        driver.setLogger(WintunLogger.off());
        adapter = driver.createAdapter("wintun4j-bench", "Benchmark", null);
        session = adapter.startSession(CAPACITY);
        luid = adapter.luid();
        SimulatorHooks.bind(simulator);
        if (SimulatorHooks.WintunSimDiscardSent(luid, 1) == 0) {
            throw new IllegalStateException("the simulator has no session for adapter 0x" + Long.toHexString(luid));
        }
        fillReceiveRing();
    }

    /** Delivers one batch of as many IPv4-looking packets of {@link #size} bytes as the ring holds. */
    private void fillReceiveRing() {
        int count = (CAPACITY - 4) / ((4 + size + 3) & ~3);
        ByteBuffer packets = ByteBuffer.allocateDirect(count * size);
        ByteBuffer sizes = ByteBuffer.allocateDirect(4 * count).order(ByteOrder.nativeOrder());
        for (int i = 0; i < count; i++) {
            packets.put(i * size, (byte) 0x45);
            sizes.putInt(4 * i, size);
        }
        if (SimulatorHooks.WintunSimDeliver(luid, packets, sizes, count) == 0) {
            throw new IllegalStateException("could not fill the receive ring");
        }
        inRing = count;
        left = count;
    }

    /**
     * @return the next received packet; the ring is replayed (out of line) before a receive would find it
     *         empty, so that the receive measured always returns a packet made on one path
     */
    Packet receive() {
        beforeReceive();
        return received(session.receivePacket());
    }

    /** Before each receive: replays the ring (out of line) when the packets delivered were all received. */
    void beforeReceive() {
        if (left == 0) {
            replay();
        }
        left--;
    }

    /** @return the packet a receive that follows {@link #beforeReceive()} returned; never {@code null} */
    static Packet received(Packet packet) {
        if (packet == null) {
            throw new IllegalStateException("the receive ring ran empty early");
        }
        return packet;
    }

    /** Once per ring-full of packets; the one before was released. */
    private void replay() {
        if (SimulatorHooks.WintunSimReplayReceived(luid) == 0) {
            throw new IllegalStateException("the simulator could not replay the receive ring: a packet is unreleased");
        }
        left = inRing;
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
        adapter.close();
        driver.close();
    }
}
