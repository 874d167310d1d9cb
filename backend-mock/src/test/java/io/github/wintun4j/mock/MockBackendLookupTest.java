// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.spi.WintunBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

/** The mock as a service: found on the class path and the module path, opened by name and automatically. */
class MockBackendLookupTest {

    @Test
    void serviceLoaderFindsTheMock() {
        // On the module path this test runs inside the mock's module, which needs 'uses' to look.
        MockBackendLookupTest.class.getModule().addUses(WintunBackend.class);
        List<WintunBackend> found = new ArrayList<>();
        ServiceLoader.load(WintunBackend.class).forEach(found::add);
        assertThat(found).hasAtLeastOneElementOfType(MockBackend.class);

        MockBackend backend = new MockBackend();
        assertThat(backend.name()).isEqualTo("mock");
        assertThat(backend.isNative()).isFalse();
        assertThat(backend.priority()).isZero();
        assertThat(backend.availability().usable()).isTrue();
    }

    @Test
    void wintunOpensTheMockByName() {
        assertThat(Wintun.backends()).contains(new BackendInfo("mock", false, true, ""));
        try (WintunDriver driver = Wintun.open("mock")) {
            driver.setLogger(null);
            assertThat(driver).isInstanceOf(MockDriver.class);
            assertThat(driver.backendName()).isEqualTo("mock");
        }
        try (WintunDriver driver = Wintun.open("MOCK")) {
            assertThat(driver.backendName()).isEqualTo("mock");
        }
    }

    @Test
    void wintunPicksTheMockWhenItIsTheOnlyBackend() {
        assertThat(Wintun.backends()).extracting(BackendInfo::name).containsExactly("mock");
        String previous = System.getProperty(Wintun.BACKEND_PROPERTY);
        System.clearProperty(Wintun.BACKEND_PROPERTY);
        try (WintunDriver driver = Wintun.open()) {
            assertThat(driver).isInstanceOf(MockDriver.class);
        } finally {
            if (previous != null) {
                System.setProperty(Wintun.BACKEND_PROPERTY, previous);
            }
        }
    }
}
