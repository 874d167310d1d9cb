// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The driver level: its name, the running version, deleting the driver, and what close does
 * ({@link WintunDriver} Javadoc; reference sections 1 and 5).
 */
public interface DriverLifecycleContract extends WintunFixture {

    @Test
    default void backendNameIsLowerCaseAndStillAnswersAfterClose() {
        String name = driver().backendName();
        assertThat(name).isNotBlank().isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
        driver().close();
        assertThat(driver().backendName()).isEqualTo(name);
    }

    @Test
    default void runningDriverVersionIsAtLeast014OnceAnAdapterExists() {
        newAdapter();
        DriverVersion version = driver().runningDriverVersion();
        assertThat(version).isNotNull();
        assertThat(version.toDword())
                .as("running driver version %s, the 0.14 API is 0x0000000E", version)
                .isGreaterThanOrEqualTo(0x0000_000E);
    }

    @Test
    default void closeClosesEveryAdapterAndSessionOfTheDriver() {
        Adapter created = newAdapter();
        Adapter opened = openAdapter(created.name());
        Session session = newSession(created);
        String name = created.name();

        driver().close();

        assertThat(session.isOpen()).as("session open after driver close").isFalse();
        assertThat(created.isOpen()).as("created adapter open after driver close").isFalse();
        assertThat(opened.isOpen()).as("opened adapter open after driver close").isFalse();
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
        assertThat(created.name()).as("accessors still answer after close").isEqualTo(name);
    }

    @Test
    default void closeIsIdempotentAndNeverThrows() {
        newAdapter();
        assertThatCode(() -> {
            driver().close();
            driver().close();
        }).doesNotThrowAnyException();
    }

    @Test
    default void everyMethodButBackendNameThrowsIllegalStateAfterClose() {
        String name = newAdapter().name();
        driver().close();
        Map<String, ThrowingCallable> calls = Map.of(
                "createAdapter", () -> driver().createAdapter(uniqueAdapterName(), TUNNEL_TYPE, null),
                "openAdapter", () -> driver().openAdapter(name),
                "runningDriverVersion", () -> driver().runningDriverVersion(),
                "deleteDriver", () -> driver().deleteDriver(),
                "setLogger", () -> driver().setLogger(WintunLogger.off()));
        calls.forEach((method, call) -> assertThatThrownBy(call)
                .as("%s after driver close", method)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed"));
    }

    /**
     * Wintun's {@code WintunDeleteDriver} ({@code api/driver.c}) uninstalls the driver package with
     * {@code SetupUninstallOEMInfW} without {@code SUOI_FORCEDELETE}, so while any adapter exists it fails
     * ({@code ERROR_INF_IN_USE_BY_DEVICES} on Windows, checked in the Windows kit) and removes nothing. A
     * backend with nothing to uninstall returns. Either way, the adapter and its session go on working.
     */
    @Test
    default void deleteDriverWhileAnAdapterIsInUseLeavesItWorking() {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        try {
            driver().deleteDriver();
        } catch (WintunException e) {
            assertThat(e.operation()).isEqualTo("WintunDeleteDriver");
        }
        assertThat(driver().runningDriverVersion().toDword()).isGreaterThanOrEqualTo(0x0000_000E);
        assertThat(network(adapter).deliver(List.of(TestPackets.ipv4(7, 0, 64)))).isTrue();
        try (Packet packet = session.receivePacket()) {
            assertThat(packet).as("a packet through the session after deleteDriver").isNotNull();
        }
        session.close();
    }

    @Test
    default void deleteDriverWithNoAdapterInUseSucceedsAndCreateInstallsItAgain() {
        newAdapter().close();
        assertThatCode(() -> driver().deleteDriver()).doesNotThrowAnyException();
        Adapter adapter = newAdapter();
        assertThat(adapter.isOpen()).isTrue();
        assertThat(driver().runningDriverVersion().toDword()).isGreaterThanOrEqualTo(0x0000_000E);
    }
}
