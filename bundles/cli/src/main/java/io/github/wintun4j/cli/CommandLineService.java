// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.function.ToIntFunction;

/**
 * The command line as a service for the distribution's launcher. The launcher lives outside the
 * framework and shares only JDK classes with it, so the contract is a JDK type: a
 * {@code java.util.function.ToIntFunction} with the property {@value #MAIN_PROPERTY}{@code =true},
 * which the launcher calls on its main thread with the command-line arguments; the result is the
 * process exit code. (bnd's launcher has the same idea with {@code main.thread}.)
 */
@Component(service = ToIntFunction.class, immediate = true, property = CommandLineService.MAIN_PROPERTY + ":Boolean=true")
public final class CommandLineService implements ToIntFunction<String[]> {

    /** The service property the launcher looks for. */
    public static final String MAIN_PROPERTY = "wintun4j.launcher.main";

    private final Host host;

    /**
     * @param context            this bundle's context
     * @param configurationAdmin where the demo's configuration goes
     */
    @Activate
    public CommandLineService(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        this.host = new FrameworkHost(context, configurationAdmin);
    }

    /**
     * Runs one command.
     *
     * @param arguments the command-line arguments
     * @return the exit code: 0 done, 1 failed, 2 usage error
     */
    @Override
    public int applyAsInt(String[] arguments) {
        return CommandLines.create(host).execute(arguments);
    }
}
