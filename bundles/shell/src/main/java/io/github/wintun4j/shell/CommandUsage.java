// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code wintun:<command> --help}, read from the command's own annotations (Gogo's
 * {@link Descriptor} and {@link Parameter}) and parameter names, so that it cannot drift from what
 * the command accepts. Every form of the command (its public overloads) gets a usage line; options
 * and arguments are listed once with their descriptions.
 *
 * <p>Stateless; thread-safe.
 */
final class CommandUsage {

    /** The option every command takes. */
    static final String HELP_OPTION = "--help";

    private CommandUsage() {
    }

    /**
     * @param commands the class holding the command's methods
     * @param scope    the Gogo scope, such as {@code wintun}
     * @param function the command, such as {@code create}
     * @return the usage, several lines, ending with a line break
     * @throws IllegalArgumentException when the class has no public method of that name
     */
    static String of(Class<?> commands, String scope, String function) {
        List<Method> forms = new ArrayList<>();
        for (Method method : commands.getMethods()) {
            if (method.getName().equals(function) && method.getDeclaringClass() == commands
                    && !Modifier.isStatic(method.getModifiers())) {
                forms.add(method);
            }
        }
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("no command " + scope + ":" + function + " in " + commands.getName());
        }
        forms.sort(Comparator.comparingInt(Method::getParameterCount));
        StringBuilder text = new StringBuilder();
        String description = null;
        List<String> details = new ArrayList<>();
        for (Method form : forms) {
            if (form.getAnnotation(Descriptor.class) != null) {
                description = form.getAnnotation(Descriptor.class).value();   // the fullest form's wins
            }
            text.append(forms.size() > 1 && text.length() > 0 ? "   or: " : "usage: ")
                    .append(scope).append(':').append(function);
            java.lang.reflect.Parameter[] parameters = form.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                Parameter option = parameters[i].getAnnotation(Parameter.class);
                Descriptor about = parameters[i].getAnnotation(Descriptor.class);
                String label = option != null ? optionLabel(option, parameters[i]) : argumentLabel(parameters[i]);
                text.append(option != null ? " [" + label + "]" : " " + label);
                String detail = String.format("  %-24s %s", label, about != null ? about.value() : "");
                if (!details.contains(detail)) {
                    details.add(detail);
                }
            }
            text.append('\n');
        }
        if (description != null) {
            text.append('\n').append(description).append('\n');
        }
        if (!details.isEmpty()) {
            text.append('\n');
            details.forEach(line -> text.append(line.stripTrailing()).append('\n'));
        }
        return text.toString();
    }

    private static String optionLabel(Parameter option, java.lang.reflect.Parameter parameter) {
        String names = String.join("|", option.names());
        boolean flag = parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
        return flag ? names : names + " " + argumentLabel(parameter);
    }

    /** The parameter's name in capitals (the module is compiled with {@code -parameters}). */
    private static String argumentLabel(java.lang.reflect.Parameter parameter) {
        return parameter.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
