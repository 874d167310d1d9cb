// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.mock.MockDriver;
import io.github.wintun4j.mock.MockNetwork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One mock adapter with a started session, shared by the threads of a group: the application
 * side ({@link #session}) and the network side ({@link #network}). No responder runs, so a packet
 * the application sends stays in the send ring until the benchmark drains it.
 */
@State(Scope.Group)
public class MockSessionState {

    /** The ring capacity of the Wintun example, {@code 0x400000} (4 MiB). */
    static final int CAPACITY = WintunConstants.EXAMPLE_RING_CAPACITY;

    /** The packet size in bytes: a minimum-size frame, and a full Ethernet MTU. */
    @Param({"64", "1500"})
    public int size;

    MockDriver driver;
    Adapter adapter;
    Session session;
    MockNetwork network;
    /** The packet, as the application writes it into an allocated packet. */
    byte[] packet;
    /** The packet, as the network side delivers it: a batch of one, never modified. */
    List<ByteBuffer> batch;

    @Setup(Level.Trial)
    public void open() {
        driver = new MockDriver();
        driver.setLogger(WintunLogger.off()); // adapter and session notices would land in the results
        adapter = driver.createAdapter("wintun4j-bench", "Benchmark", null);
        session = adapter.startSession(CAPACITY);
        network = driver.network(adapter);
        network.clearResponders();
        packet = SamplePacket.udp(size);
        batch = List.of(ByteBuffer.wrap(packet).asReadOnlyBuffer());
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
        adapter.close();
        driver.close();
    }
}
