// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.mock.MockDriver;

import java.util.ArrayList;
import java.util.List;

/**
 * The mock a test runs on: its driver, adapter, network side and (once asked for) session, and
 * the checks of what the host left behind when the test ends.
 *
 * <p>Thread-safe: parameters may be resolved while host threads already run.
 */
final class MockHost {

    private final WintunMockTest settings;
    private final MockDriver driver;
    private final Adapter adapter;
    private final TestNetwork network;
    private final Ledger ledger = new Ledger();
    /** Guarded by {@code this}. */
    private TrackedSession session;

    MockHost(WintunMockTest settings, boolean verbose) {
        this.settings = settings;
        driver = new MockDriver();
        driver.setLogger(verbose ? WintunLogger.systemLogger() : WintunLogger.off());
        adapter = driver.createAdapter(settings.adapterName(), "wintun4j-test", null);
        if (!settings.address().isEmpty()) {
            adapter.addAddress(TestPackets.address(settings.address()), settings.prefixLength());
        }
        network = new TestNetwork(driver.network(adapter));
    }

    MockDriver driver() {
        return driver;
    }

    Adapter adapter() {
        return adapter;
    }

    TestNetwork network() {
        return network;
    }

    synchronized Session session() {
        if (session == null) {
            session = new TrackedSession(adapter.startSession(settings.capacity()), ledger);
        }
        return session;
    }

    /**
     * Checks what the host left, then closes everything whatever it finds.
     *
     * @return one line per problem; empty when the host cleaned up
     */
    List<String> finish() {
        List<String> problems = new ArrayList<>(ledger.blockedThreads());
        problems.addAll(ledger.heldPackets());
        Session own;
        synchronized (this) {
            own = session;
        }
        if (own != null) {
            own.close();
        }
        if (network.mock().hasSession()) {
            problems.add("a session the host started on adapter \"" + adapter.name() + "\" is still open");
        }
        adapter.close();
        driver.close();
        return problems;
    }
}
