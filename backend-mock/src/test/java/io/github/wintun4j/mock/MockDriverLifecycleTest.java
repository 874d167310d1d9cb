// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogLevel;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter lifecycle of reference section 5 as the mock plays it: names, LUIDs, versions, sessions. */
class MockDriverLifecycleTest {

    private static final UUID EXAMPLE_GUID = UUID.fromString("deadbabe-cafe-beef-0123-456789abcdef");

    private final MockDriver driver = quietDriver();

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aNewAdapterTakesTheNameAndTheOlderOnesAreRenamedToTheFirstFreeNumber() {
        Adapter first = driver.createAdapter("Demo", "Example", null);
        Adapter second = driver.createAdapter("Demo", "Example", null);
        assertThat(first.name()).isEqualTo("Demo 1");
        assertThat(second.name()).isEqualTo("Demo");

        // The number goes after the name as the new creation spells it: Wintun's NciSetAdapterName
        // (api/adapter.c) formats "%s %d" from its own Name argument.
        Adapter third = driver.createAdapter("demo", "Example", null);
        assertThat(second.name()).isEqualTo("demo 2");
        assertThat(third.name()).isEqualTo("demo");
        assertThat(driver.adapterNames()).containsExactly("Demo 1", "demo 2", "demo");

        first.close();
        Adapter fourth = driver.createAdapter("DEMO", "Example", null);
        assertThat(third.name()).as("\"Demo 1\" is free again").isEqualTo("DEMO 1");
        assertThat(fourth.name()).isEqualTo("DEMO");
    }

    @Test
    void luidsAreVirtualInterfaceLuidsWithACountingNetLuidIndex() {
        Adapter first = driver.createAdapter("A", "Example", null);
        Adapter second = driver.createAdapter("B", "Example", null);
        second.close();
        Adapter third = driver.createAdapter("C", "Example", null);

        assertThat(first.luid()).isEqualTo((53L << 48) | (1L << 24));
        assertThat(second.luid()).isEqualTo((53L << 48) | (2L << 24));
        assertThat(third.luid()).as("an index is never reused").isEqualTo((53L << 48) | (3L << 24));
        assertThat(first.luid() >>> 48).isEqualTo(53);
    }

    @Test
    void openMatchesTheNameIgnoringCaseAndSharesTheAdapter() {
        Adapter created = driver.createAdapter("Demo", "Example", EXAMPLE_GUID);
        try (Adapter opened = driver.openAdapter("dEMO")) {
            assertThat(opened.name()).isEqualTo("Demo");
            assertThat(opened.guid()).isEqualTo(EXAMPLE_GUID);
            assertThat(opened.luid()).isEqualTo(created.luid());
            assertThat(opened.tunnelType()).isEqualTo("Example");
            assertThat(driver.network(opened)).isSameAs(driver.network(created));
        }
        assertThat(driver.adapterNames()).as("closing an opened handle keeps the adapter").containsExactly("Demo");
        created.close();
        assertThat(driver.adapterNames()).isEmpty();
        assertWintunError("WintunOpenAdapter", WintunErrors.ERROR_NOT_FOUND, () -> driver.openAdapter("Demo"));
    }

    @Test
    void aGuidInUseGivesARandomOneAndANullGuidIsRandom() {
        Adapter first = driver.createAdapter("Demo", "Example", EXAMPLE_GUID);
        Adapter other = driver.createAdapter("Other", "Example", EXAMPLE_GUID);
        assertThat(first.guid()).isEqualTo(EXAMPLE_GUID);
        assertThat(other.guid()).isNotNull().isNotEqualTo(EXAMPLE_GUID);
        assertThat(driver.adapterNames()).containsExactlyInAnyOrder("Demo", "Other");
        Adapter random1 = driver.createAdapter("R1", "Example", null);
        Adapter random2 = driver.createAdapter("R2", "Example", null);
        assertThat(random1.guid()).isNotNull().isNotEqualTo(random2.guid()).isNotEqualTo(EXAMPLE_GUID);
    }

    @Test
    void namesAreCheckedAsWintunCreateAdapterChecksThem() {
        assertThatThrownBy(() -> driver.createAdapter(null, "Example", null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> driver.createAdapter("Demo", null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("tunnel type");
        assertThatThrownBy(() -> driver.createAdapter("", "Example", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> driver.createAdapter("a\0b", "Example", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertWintunError("WintunCreateAdapter", WintunErrors.ERROR_BUFFER_OVERFLOW,
                () -> driver.createAdapter("x".repeat(128), "Example", null));
        assertThat(driver.createAdapter("x".repeat(127), "Example", null).name()).hasSize(127);
    }

    @Test
    void theVersionIsZeroFourteenByDefaultAndAsConfiguredOtherwise() {
        driver.createAdapter("Demo", "Example", null);
        assertThat(driver.runningDriverVersion()).isEqualTo(new DriverVersion(0, 14));
        assertThat(driver.runningDriverVersion().toDword()).isEqualTo(0x0000000E);

        try (MockDriver configured = new MockDriver(new DriverVersion(1, 2))) {
            configured.setLogger(null);
            configured.createAdapter("Demo", "Example", null);
            assertThat(configured.runningDriverVersion()).isEqualTo(new DriverVersion(1, 2));
        }
        assertThatThrownBy(() -> new MockDriver(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("runningVersion");
    }

    @Test
    void theDriverIsLoadedFromTheFirstAdapterUntilDeleteDriver() {
        assertWintunError("WintunGetRunningDriverVersion", WintunErrors.ERROR_FILE_NOT_FOUND,
                driver::runningDriverVersion);
        Adapter adapter = driver.createAdapter("Demo", "Example", null);

        driver.deleteDriver();
        assertThat(driver.runningDriverVersion()).as("in use: left in place").isEqualTo(MockDriver.DEFAULT_VERSION);

        adapter.close();
        assertThat(driver.runningDriverVersion()).as("still loaded until deleted").isNotNull();
        driver.deleteDriver();
        assertWintunError("WintunGetRunningDriverVersion", WintunErrors.ERROR_FILE_NOT_FOUND,
                driver::runningDriverVersion);
        driver.createAdapter("Again", "Example", null);
        assertThat(driver.runningDriverVersion()).isEqualTo(MockDriver.DEFAULT_VERSION);
    }

    @Test
    void oneSessionPerAdapterWhateverTheHandleAndANewOneAfterClose() {
        Adapter created = driver.createAdapter("Demo", "Example", null);
        Adapter opened = driver.openAdapter("Demo");
        Session session = opened.startSession(WintunConstants.MIN_RING_CAPACITY);
        assertWintunError("WintunStartSession", WintunErrors.ERROR_ALREADY_INITIALIZED,
                () -> created.startSession(WintunConstants.MIN_RING_CAPACITY));
        assertThatThrownBy(() -> created.startSession(12345))
                .as("the capacity is checked first").isInstanceOf(IllegalArgumentException.class);

        opened.close();
        assertThat(session.isOpen()).as("closing the handle that started it ends it").isFalse();
        try (Session next = created.startSession(WintunConstants.MIN_RING_CAPACITY)) {
            assertThat(next.isOpen()).isTrue();
            assertThat(driver.network(created).hasSession()).isTrue();
        }
        assertThat(driver.network(created).hasSession()).isFalse();
    }

    @Test
    void closingTheCreatorRemovesTheAdapterAndEndsTheSessionOfAnyHandle() {
        Adapter created = driver.createAdapter("Demo", "Example", null);
        Adapter opened = driver.openAdapter("Demo");
        Session session = opened.startSession(WintunConstants.MIN_RING_CAPACITY);
        created.close();
        assertThat(session.isOpen()).isFalse();
        assertThat(created.isOpen()).isFalse();
        assertThat(opened.isOpen()).as("an opened handle stays a handle").isTrue();
        assertWintunError("WintunStartSession", WintunErrors.ERROR_HANDLE_EOF,
                () -> opened.startSession(WintunConstants.MIN_RING_CAPACITY));
        assertWintunError("SetIpInterfaceEntry", WintunErrors.ERROR_NOT_FOUND, () -> opened.setMtu(1500));
        assertThat(created.name()).as("accessors answer after close").isEqualTo("Demo");
        assertThatThrownBy(() -> created.startSession(WintunConstants.MIN_RING_CAPACITY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(created::mtu).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDriverLogsLikeTheRealOneAndSurvivesALoggerThatThrows() {
        List<String> lines = new CopyOnWriteArrayList<>();
        driver.setLogger((level, timestamp, message) -> lines.add(level + " " + message));
        Adapter adapter = driver.createAdapter("Demo", "Example", null);
        adapter.startSession(WintunConstants.MIN_RING_CAPACITY).close();
        adapter.close();
        driver.createAdapter("Busy", "Example", null);
        driver.deleteDriver();
        assertThat(lines).anyMatch(line -> line.startsWith("INFO Creating adapter \"Demo\""))
                .anyMatch(line -> line.startsWith("INFO Starting session"))
                .anyMatch(line -> line.startsWith("INFO Ending session"))
                .anyMatch(line -> line.startsWith("INFO Removing adapter \"Demo\""))
                .anyMatch(line -> line.startsWith(WintunLogLevel.WARN + " Not removing driver"));

        driver.setLogger((level, timestamp, message) -> {
            throw new IllegalStateException("broken logger");
        });
        Adapter survivor = driver.createAdapter("Survivor", "Example", null);
        survivor.startSession(WintunConstants.MIN_RING_CAPACITY).close();
        survivor.close();
        driver.setLogger(null);
        driver.createAdapter("Quiet", "Example", null).close();
    }

    @Test
    void addressesAndMtuFollowTheIpHelperRules() throws Exception {
        Adapter adapter = driver.createAdapter("Demo", "Example", null);
        var address = java.net.InetAddress.getByName("10.6.7.7");
        adapter.addAddress(address, 24);
        assertWintunError("CreateUnicastIpAddressEntry", WintunErrors.ERROR_OBJECT_ALREADY_EXISTS,
                () -> adapter.addAddress(address, 24));
        adapter.removeAddress(address, 24);
        assertWintunError("DeleteUnicastIpAddressEntry", WintunErrors.ERROR_NOT_FOUND,
                () -> adapter.removeAddress(address, 24));
        assertThatThrownBy(() -> adapter.addAddress(address, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> adapter.addAddress(null, 24)).isInstanceOf(NullPointerException.class)
                .hasMessage("address");

        assertThat(adapter.mtu()).isEqualTo(65535);
        adapter.setMtu(1420);
        assertThat(driver.openAdapter("Demo").mtu()).isEqualTo(1420);
        assertThatThrownBy(() -> adapter.setMtu(575)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterCloseTheDriverRefusesEverythingButItsAccessors() {
        Adapter adapter = driver.createAdapter("Demo", "Example", null);
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        MockNetwork network = driver.network(adapter);
        driver.close();
        driver.close();
        assertThat(adapter.isOpen()).isFalse();
        assertThat(session.isOpen()).isFalse();
        assertThat(driver.backendName()).isEqualTo("mock");
        assertThat(driver.adapterNames()).isEmpty();
        assertThat(driver.network(adapter)).isSameAs(network);
        assertThatThrownBy(() -> driver.createAdapter("X", "Example", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> driver.openAdapter("Demo")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(driver::runningDriverVersion).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(driver::deleteDriver).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> driver.setLogger(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void networkRefusesAdaptersOfAnotherDriver() {
        try (MockDriver other = quietDriver()) {
            Adapter foreign = other.createAdapter("Demo", "Example", null);
            assertThatThrownBy(() -> driver.network(foreign)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> driver.network(null)).isInstanceOf(NullPointerException.class).hasMessage("adapter");
    }

    /** A driver whose log stays out of the test output; the logging test installs its own logger. */
    static MockDriver quietDriver() {
        MockDriver driver = new MockDriver();
        driver.setLogger(null);
        return driver;
    }

    static void assertWintunError(String operation, int code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WintunException.class, e -> {
            assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.operation()).isEqualTo(operation);
        });
    }
}
