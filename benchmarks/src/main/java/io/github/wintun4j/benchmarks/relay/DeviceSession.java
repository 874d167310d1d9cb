// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.SessionOptions;
import io.github.wintun4j.WintunDriver;

/**
 * A created adapter with a running session: what each benchmark program holds per device.
 * Closing ends the session and removes the adapter (deletes the TUN device).
 */
final class DeviceSession implements AutoCloseable {

    /** The tunnel type the benchmark's adapters are created with. */
    static final String TUNNEL_TYPE = "Benchmark";

    private final Adapter adapter;
    private final Session session;

    private DeviceSession(Adapter adapter, Session session) {
        this.adapter = adapter;
        this.session = session;
    }

    /**
     * Creates the adapter and starts its session; on failure nothing is left behind.
     *
     * @param driver   the driver
     * @param name     the device name
     * @param capacity the ring capacity in bytes
     */
    static DeviceSession create(WintunDriver driver, String name, int capacity) {
        return create(driver, name, capacity, SessionOptions.defaults());
    }

    /**
     * Creates the adapter and starts its session with options; on failure nothing is left behind.
     *
     * @param driver   the driver
     * @param name     the device name
     * @param capacity the ring capacity in bytes
     * @param options  the session's options
     */
    static DeviceSession create(WintunDriver driver, String name, int capacity, SessionOptions options) {
        Adapter adapter = driver.createAdapter(name, TUNNEL_TYPE, null);
        try {
            return new DeviceSession(adapter, adapter.startSession(capacity, options));
        } catch (RuntimeException | Error e) {
            adapter.close();
            throw e;
        }
    }

    Adapter adapter() {
        return adapter;
    }

    Session session() {
        return session;
    }

    /** Ends the session, which wakes its blocked receivers; the adapter stays until {@link #close()}. */
    void endSession() {
        session.close();
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            adapter.close();
        }
    }
}
