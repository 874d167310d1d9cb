// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the provider class of a {@link java.util.ServiceLoader} failure, for a backend that failed
 * before it existed: the JDK's messages name it ({@code "...: Provider a.b.C could not be
 * instantiated"}, {@code "a/b/C has been compiled by a more recent version..."}). Stateless.
 */
final class ProviderFailure {

    /** ServiceConfigurationError: "service: Provider a.b.C not found / could not be instantiated". */
    private static final Pattern PROVIDER = Pattern.compile("Provider ([\\w.$]+)");
    /** LinkageError: the class's binary or internal name comes first. */
    private static final Pattern LEADING_CLASS = Pattern.compile("^([\\w$]+(?:[./][\\w$]+)+)");

    private ProviderFailure() {
    }

    /**
     * {@return the provider class it names, or {@code "unknown provider"}}
     *
     * @param error what the lookup threw
     */
    static String providerOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            Matcher provider = PROVIDER.matcher(message);
            if (provider.find()) {
                return provider.group(1);
            }
            Matcher leading = LEADING_CLASS.matcher(message);
            if (t instanceof LinkageError && leading.find()) {
                return leading.group(1).replace('/', '.');
            }
        }
        return "unknown provider";
    }
}
