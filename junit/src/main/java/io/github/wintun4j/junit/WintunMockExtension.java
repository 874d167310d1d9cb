// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.mock.MockDriver;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;
import java.util.Set;

/**
 * The extension behind {@link WintunMockTest}: resolves the driver, adapter, session and network
 * parameters of test and per-test lifecycle methods from one mock per test, and after each test
 * closes it and fails the test when the host left something behind. Registered by the annotation;
 * with a plain {@code @ExtendWith(WintunMockExtension.class)} the annotation's defaults apply.
 *
 * <p>Threading: JUnit calls it on the test's thread; tests running in parallel get a mock each.
 */
public final class WintunMockExtension implements ParameterResolver, AfterEachCallback {

    /** The configuration parameter (or system property) that turns the driver's log on: {@value}. */
    public static final String VERBOSE_PARAMETER = "wintun4j.junit.verbose";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WintunMockExtension.class);
    private static final Set<Class<?>> TYPES = Set.of(WintunDriver.class, MockDriver.class, Adapter.class,
            Session.class, TestNetwork.class);

    /** Made by JUnit. */
    public WintunMockExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@WintunMockTest gives a mock to each test: "
                    + parameter.getParameter().getType().getSimpleName()
                    + " parameters are for test, @BeforeEach and @AfterEach methods, not " + parameter.getDeclaringExecutable());
        }
        MockHost host = context.getStore(NAMESPACE).getOrComputeIfAbsent(MockHost.class,
                key -> new MockHost(settings(context), verbose(context)), MockHost.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == Session.class) {
            return host.session();
        }
        if (type == Adapter.class) {
            return host.adapter();
        }
        if (type == TestNetwork.class) {
            return host.network();
        }
        return host.driver();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        MockHost host = context.getStore(NAMESPACE).remove(MockHost.class, MockHost.class);
        if (host == null) {
            return;
        }
        List<String> problems = host.finish();
        if (!problems.isEmpty()) {
            throw new AssertionError("the host left " + (problems.size() == 1 ? "a problem" : problems.size()
                    + " problems") + " behind:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static WintunMockTest settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WintunMockTest.class)
                .orElseGet(() -> Defaults.class.getAnnotation(WintunMockTest.class));
    }

    private static boolean verbose(ExtensionContext context) {
        return context.getConfigurationParameter(VERBOSE_PARAMETER).map(Boolean::parseBoolean)
                .orElseGet(() -> Boolean.getBoolean(VERBOSE_PARAMETER));
    }

    /** Carries the annotation's defaults, for classes that register the extension without it. */
    @WintunMockTest
    private static final class Defaults {
    }
}
