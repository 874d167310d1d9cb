// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.demo.DemoStatus;

import java.util.List;
import java.util.Map;

/**
 * What the command line needs from the OSGi framework it runs in: the backends registered, the
 * demo component, the Gogo console. An interface so that the commands can be tested without a framework.
 */
interface Host {

    /**
     * @return one entry per {@code WintunDriver} service, the preferred first (highest ranking), all
     *         usable; then the backends present that registered no driver, each with its reason
     */
    List<BackendInfo> backends();

    /**
     * @param backend the name of a usable backend, from {@link #backends()}
     * @return the segmentation offloads a session of it would get here, such as {@code checksum},
     *         {@code TSO}, {@code USO}; empty when none (Wintun on Windows, the mock) or when the
     *         backend does not say
     */
    List<String> offloads(String backend);

    /**
     * Configures the demo component through Config Admin and waits for it to register.
     *
     * @param configuration the properties named by {@link DemoStatus}
     * @return the component's status
     * @throws Exception when Config Admin fails or the component does not come up in time
     */
    DemoStatus startDemo(Map<String, Object> configuration) throws Exception;

    /**
     * Runs the Gogo console on standard input and output until it ends (Ctrl-D).
     *
     * @throws Exception when Gogo is missing or the console fails
     */
    void runShell() throws Exception;
}
