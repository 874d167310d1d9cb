// SPDX-License-Identifier: Apache-2.0
/**
 * Testing host applications on the mock backend with JUnit 5: {@code @WintunMockTest} on a test
 * class gives each test a driver, an adapter, a session and the network side, and checks that the
 * test left nothing behind. The mock itself stays free of JUnit.
 */
module io.github.wintun4j.junit {
    requires transitive io.github.wintun4j.mock;
    requires transitive io.github.wintun4j.ip;
    requires transitive org.junit.jupiter.api;

    exports io.github.wintun4j.junit;

    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;
}
