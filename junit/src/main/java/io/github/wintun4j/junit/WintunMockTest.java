// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.WintunConstants;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class on the mock backend: every test (and its {@code @BeforeEach} / {@code @AfterEach}
 * methods) may take parameters of types {@link io.github.wintun4j.WintunDriver} or
 * {@link io.github.wintun4j.mock.MockDriver}, {@link io.github.wintun4j.Adapter},
 * {@link io.github.wintun4j.Session} and {@link TestNetwork}. Each test gets its own driver and
 * adapter (named {@link #adapterName()}, with {@link #address()}/{@link #prefixLength()}); the
 * session is started when a method first asks for it. The network side has no responder: every
 * packet the host sends waits in {@link TestNetwork#takeSent}.
 *
 * <p>After each test (after its {@code @AfterEach} methods) everything is closed, and the test
 * fails, with one message naming each problem, when the host left a thread blocked in the session,
 * a packet of the session received and not released or allocated and not sent, or a session of
 * its own open on the adapter.
 *
 * <p>The driver's log is off; set the configuration parameter (or system property)
 * {@value WintunMockExtension#VERBOSE_PARAMETER}{@code =true} to see it through {@code System.Logger}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WintunMockExtension.class)
public @interface WintunMockTest {

    /** @return the adapter's name */
    String adapterName() default "wintun4j-test";

    /** @return the adapter's address, an IPv4 or IPv6 literal; empty for none */
    String address() default "10.6.7.7";

    /** @return its prefix length */
    int prefixLength() default 24;

    /** @return the session's ring capacity */
    int capacity() default WintunConstants.MIN_RING_CAPACITY;
}
