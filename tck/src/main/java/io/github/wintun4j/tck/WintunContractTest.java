// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The base of every backend's contract test: extend it, supply a driver and a network side, and
 * inherit every test of the kit (in the manner of Lucene's {@code BaseDirectoryTestCase}).
 *
 * <pre>{@code
 * class MockContractTest extends WintunContractTest {
 *     protected WintunDriver createDriver() { return new MockDriver(); }
 *     protected NetworkSide networkSide(WintunDriver driver, Adapter adapter) { ... }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh driver. Right after each test the kit fails it if it left a session
 * open (every test must end what it starts; see {@link LeakCheck}); then it closes every session,
 * adapter and the driver, and fails the test if one of those {@code close()} calls threw.
 * A subclass may add its own backend-specific tests beside the inherited ones.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheck.class)
public abstract class WintunContractTest implements
        DriverLifecycleContract,
        AdapterLifecycleContract,
        AdapterNameContract,
        AdapterConfigurationContract,
        LoggerContract,
        SessionLifecycleContract,
        PacketViewContract,
        RingCapacityContract,
        ReceiveReleaseContract,
        SendOrderContract,
        ErrorOrderContract,
        DriverPacketRulesContract,
        BlockingReceiveContract,
        ConcurrencyContract,
        FaultContract,
        UseAfterCloseContract,
        PacketMisuseContract,
        ClaimContract,
        InPlaceContract,
        ArgumentContract {

    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Keeps names of concurrent test JVMs apart on a machine where adapters are real. */
    private static final String NAME_PREFIX = "tck" + Long.toString(ProcessHandle.current().pid() % 46656, 36);

    private WintunDriver driver;
    private final List<Adapter> adapters = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    private final Map<Adapter, NetworkSide> networks = new IdentityHashMap<>();

    /** For subclasses: one per backend. */
    protected WintunContractTest() {
    }

    /** @return a fresh driver for each test; the kit closes it */
    protected abstract WintunDriver createDriver();

    /**
     * @param driver  the driver of the test
     * @param adapter an adapter created by that driver
     * @return the network side of that adapter: how the test plays the network and the OS
     */
    protected abstract NetworkSide networkSide(WintunDriver driver, Adapter adapter);

    /**
     * @return a unique adapter name valid on every backend: ASCII, at most 15 bytes (the Linux
     *         limit); the default is {@code "tck" + process id + "n" + counter}
     */
    protected String newAdapterName() {
        return NAME_PREFIX + "n" + NAMES.incrementAndGet();
    }

    /** @return the longest adapter name this backend accepts, in chars (127 on Windows and the mock, 15 on Linux) */
    protected int maxAdapterNameLength() {
        return 127;
    }

    /**
     * @return whether a new adapter with the name of an existing one renames that one (Windows,
     *         mock: {@code true}) rather than failing with {@code ERROR_ALREADY_EXISTS} (Linux)
     */
    protected boolean renamesOnDuplicateName() {
        return true;
    }

    /**
     * @return the MTU a new adapter reports: 65535 for Wintun; empty for a backend whose system
     *         picks it, in which case the kit only checks that it is a valid MTU
     */
    protected OptionalInt defaultMtu() {
        return OptionalInt.of(0xFFFF);
    }

    @BeforeEach
    final void openDriverUnderTest() {
        driver = Objects.requireNonNull(createDriver(), "createDriver() returned null");
    }

    /** Called by {@link LeakCheck} right after a test that passed. */
    final void failOnLeaks() {
        List<String> leaks = new ArrayList<>();
        for (Session session : sessions) {
            if (session.isOpen()) {
                leaks.add("a session of capacity 0x" + Integer.toHexString(session.capacity()) + " was left open");
            }
        }
        // Sessions started directly on an adapter are invisible above: a probe session finds them.
        for (Adapter adapter : adapters) {
            if (adapter.isOpen() && leaks.isEmpty()) {
                probeForSession(adapter, leaks);
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("the test leaked: " + String.join("; ", leaks)
                    + " (every test must close the sessions it starts)");
        }
    }

    @AfterEach
    final void closeEverything() {
        AssertionError failure = closeQuietly(null, sessions, "session");
        failure = closeQuietly(failure, adapters, "adapter");
        try {
            if (driver != null) {
                driver.close();
            }
        } catch (RuntimeException e) {
            failure = chain(failure, new AssertionError("WintunDriver.close() threw, but must never throw", e));
        }
        sessions.clear();
        adapters.clear();
        networks.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static void probeForSession(Adapter adapter, List<String> leaks) {
        try {
            adapter.startSession(MIN_CAPACITY).close();
        } catch (WintunException e) {
            if (e.errorCode() == WintunErrors.ERROR_ALREADY_INITIALIZED) {
                leaks.add("adapter " + adapter.name() + " still had a session open");
            }
            // Other errors: the test removed the adapter or broke it on purpose.
        } catch (IllegalStateException e) {
            // Closed meanwhile (its driver was closed by the test).
        }
    }

    private static AssertionError closeQuietly(AssertionError failure, List<? extends AutoCloseable> resources,
                                               String what) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                failure = chain(failure, new AssertionError("closing a " + what + " threw, but close() must never throw", e));
            }
        }
        return failure;
    }

    private static AssertionError chain(AssertionError first, AssertionError next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public final WintunDriver driver() {
        return driver;
    }

    @Override
    public final String uniqueAdapterName() {
        return newAdapterName();
    }

    @Override
    public final int adapterNameLimit() {
        return maxAdapterNameLength();
    }

    @Override
    public final boolean renamesAdapterOnDuplicateName() {
        return renamesOnDuplicateName();
    }

    @Override
    public final OptionalInt initialMtu() {
        return defaultMtu();
    }

    @Override
    public final Adapter newAdapter() {
        return newAdapter(uniqueAdapterName(), null);
    }

    @Override
    public final Adapter newAdapter(String name, UUID guid) {
        Adapter adapter = driver.createAdapter(name, TUNNEL_TYPE, guid);
        adapters.add(Objects.requireNonNull(adapter, "createAdapter returned null"));
        return adapter;
    }

    @Override
    public final Adapter openAdapter(String name) {
        Adapter adapter = driver.openAdapter(name);
        adapters.add(Objects.requireNonNull(adapter, "openAdapter returned null"));
        return adapter;
    }

    @Override
    public final Session newSession(Adapter adapter, int capacity) {
        Session session = adapter.startSession(capacity);
        sessions.add(Objects.requireNonNull(session, "startSession returned null"));
        return session;
    }

    @Override
    public final NetworkSide network(Adapter adapter) {
        return networks.computeIfAbsent(adapter,
                a -> Objects.requireNonNull(networkSide(driver, a), "networkSide returned null"));
    }
}
