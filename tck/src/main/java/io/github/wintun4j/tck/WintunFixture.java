// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;

import java.util.OptionalInt;
import java.util.UUID;

/**
 * What the contract tests work with: the driver under test, fresh adapters and sessions that are
 * cleaned up after each test, the network side of an adapter, and the few facts on which backends
 * legitimately differ. Implemented once, by {@link WintunContractTest}; every contract interface
 * extends it so that its default test methods can use it.
 *
 * <p>Not thread-safe: call it from the test thread (the objects it returns are thread-safe).
 */
public interface WintunFixture {

    /** The tunnel type of the adapters the kit creates. */
    String TUNNEL_TYPE = "Wintun4jTck";
    /** The smallest ring capacity, the one most tests use because its limits are easy to reach. */
    int MIN_CAPACITY = WintunConstants.MIN_RING_CAPACITY;

    /** @return the driver of the current test, created fresh for it */
    WintunDriver driver();

    /** @return an adapter name unused so far, valid on every backend (ASCII, at most 15 bytes) */
    String uniqueAdapterName();

    /** @return the longest adapter name the backend accepts, in chars */
    int adapterNameLimit();

    /**
     * @return whether creating an adapter with the name of an existing one renames the existing
     *         one ({@code "Name 1"}) as Windows and the mock do, rather than failing with
     *         {@code ERROR_ALREADY_EXISTS} as Linux does
     */
    boolean renamesAdapterOnDuplicateName();

    /** @return the MTU a new adapter reports, when the backend has a fixed one (65535 for Wintun) */
    OptionalInt initialMtu();

    /**
     * Creates an adapter with a unique name, {@link #TUNNEL_TYPE} and a random GUID; it is closed
     * after the test.
     *
     * @return the adapter
     */
    Adapter newAdapter();

    /**
     * Creates an adapter; it is closed after the test.
     *
     * @param name the name
     * @param guid the requested GUID, or {@code null}
     * @return the adapter
     */
    Adapter newAdapter(String name, UUID guid);

    /**
     * Opens an existing adapter by name; the handle is closed after the test.
     *
     * @param name the name
     * @return the adapter
     */
    Adapter openAdapter(String name);

    /**
     * Starts a session the test must close itself (the test fails when a session is left open).
     *
     * @param adapter  the adapter
     * @param capacity the ring capacity
     * @return the session
     */
    Session newSession(Adapter adapter, int capacity);

    /**
     * @param adapter the adapter
     * @return a session with the smallest ring, {@link #MIN_CAPACITY}, that the test must close
     */
    default Session newSession(Adapter adapter) {
        return newSession(adapter, MIN_CAPACITY);
    }

    /**
     * @param adapter an adapter created through this fixture
     * @return its network side (the same object on every call for one adapter)
     */
    NetworkSide network(Adapter adapter);
}
