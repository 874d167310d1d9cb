// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import org.osgi.annotation.versioning.ProviderType;

import java.util.concurrent.CompletionStage;

/**
 * The demo component as a service: registered while the component has a configuration (PID
 * {@value #PID}). The configuration's properties are named by the constants of this interface;
 * changing them through Config Admin restarts the example on the new settings, and changing
 * {@value #BACKEND} moves it to another backend without stopping the framework.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface DemoStatus {

    /** The configuration PID and component name. */
    String PID = "io.github.wintun4j.demo";
    /**
     * Property: the backend to run on, the {@code wintun4j.backend} property of a
     * {@code WintunDriver} service, such as {@code "mock"}; empty (the default) for the
     * highest-ranked driver, a native one whenever one is registered.
     */
    String BACKEND = "backend";
    /** Property: the adapter name, {@code "Demo"} by default. */
    String ADAPTER_NAME = "adapterName";
    /** Property: the adapter's IPv4 address and prefix length, {@code "10.6.7.7/24"} by default. */
    String ADDRESS = "address";
    /** Property: the IPv4 address the echo requests come from, {@code "10.6.7.8"} by default. */
    String PEER_ADDRESS = "peerAddress";
    /** Property: the ring capacity in bytes, 0x400000 (4 MiB) by default. */
    String CAPACITY = "capacity";
    /** Property: stop after this many echo replies; 0 (the default) runs until the component stops. */
    String COUNT = "count";
    /**
     * Property: a new file (an absolute path) to capture every packet of the session to, as pcapng;
     * empty (the default) for no capture. The file holds the demo's traffic and is readable by its
     * owner only; an existing file is never replaced (the run fails instead).
     */
    String PCAP = "pcap";

    /** @return the backend of the run going on, or {@code ""} while none runs */
    String runningBackend();

    /** @return the IPv4 echo replies received by the run going on, or by the last one */
    int echoReplies();

    /**
     * The end of the demo under the current configuration: completes when a run ends by itself
     * (the reply limit reached, or a step failed), or when the component stops. A run ended to
     * move to another backend does not complete it: the next run continues.
     *
     * @return a stage of its own for each call; completing it changes nothing here
     */
    CompletionStage<DemoOutcome> outcome();
}
