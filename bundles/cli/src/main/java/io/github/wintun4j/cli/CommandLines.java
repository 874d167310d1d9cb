// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;

/** Builds the {@code wintun4j} command line over a {@link Host}. */
final class CommandLines {

    private CommandLines() {
    }

    /**
     * @param host the framework the commands use
     * @return the command line, writing to {@code System.out} and {@code System.err}
     */
    static CommandLine create(Host host) {
        // Writers straight over System.out / System.err (picocli's own defaults hide their errors).
        return new CommandLine(new WintunCommand(), factory(host))
                .setOut(new PrintWriter(System.out, true))
                .setErr(new PrintWriter(System.err, true))
                .setExecutionExceptionHandler(new OneLineErrors());
    }

    /** Creates the commands that take a {@link Host}, and everything else as picocli does. */
    private static CommandLine.IFactory factory(Host host) {
        CommandLine.IFactory standard = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    Class<?>[] parameters = constructor.getParameterTypes();
                    if (parameters.length == 1 && parameters[0] == Host.class) {
                        constructor.setAccessible(true);
                        return type.cast(constructor.newInstance(host));
                    }
                }
                return standard.create(type);
            }
        };
    }
}
