// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.WintunConstants;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What may change in the demo: the adapter, its address, the address the pings come from, the
 * ring capacity and when to stop. {@link #example()} gives example.c's settings. Immutable.
 *
 * @param adapterName  the adapter to create; example.c's is {@code Demo}. Checked by the backend.
 * @param address      the adapter's IPv4 address, the host side of the tunnel that answers the pings
 * @param prefixLength its on-link prefix length, 0..32 ("This is a /24 network")
 * @param peer         the IPv4 address the demo sends its echo requests from (the application side)
 * @param capacity     the session's ring capacity in bytes; example.c uses
 *                     {@link WintunConstants#EXAMPLE_RING_CAPACITY} (4 MiB). Checked by the backend.
 * @param replyLimit   stop cleanly after this many IPv4 echo replies; 0 runs until
 *                     {@link ExampleTunnel#stop()} (Ctrl-C), as example.c does
 * @param pcap         a new file to capture the session's packets to (pcapng), or {@code null} for no capture
 */
public record DemoOptions(String adapterName, Inet4Address address, int prefixLength, Inet4Address peer,
                          int capacity, int replyLimit, Path pcap) {

    /** example.c's adapter name. */
    public static final String EXAMPLE_ADAPTER_NAME = "Demo";
    /** example.c's adapter address, 10.6.7.7. */
    public static final Inet4Address EXAMPLE_ADDRESS = ipv4(10, 6, 7, 7);
    /** example.c's prefix length. */
    public static final int EXAMPLE_PREFIX_LENGTH = 24;
    /** The address example.c's pings come from, 10.6.7.8. */
    public static final Inet4Address EXAMPLE_PEER = ipv4(10, 6, 7, 8);

    /**
     * Checks what the backend does not: the addresses are present, the prefix length and the
     * reply limit in range.
     */
    public DemoOptions {
        Objects.requireNonNull(adapterName, "adapterName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peer, "peer");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("an IPv4 prefix length is 0..32, got " + prefixLength);
        }
        if (replyLimit < 0) {
            throw new IllegalArgumentException("replyLimit must be 0 (no limit) or more, got " + replyLimit);
        }
    }

    /**
     * The options without a capture.
     *
     * @param adapterName  the adapter to create
     * @param address      the adapter's IPv4 address
     * @param prefixLength its prefix length, 0..32
     * @param peer         the address the pings come from
     * @param capacity     the ring capacity
     * @param replyLimit   the reply limit; 0 for none
     */
    public DemoOptions(String adapterName, Inet4Address address, int prefixLength, Inet4Address peer,
                       int capacity, int replyLimit) {
        this(adapterName, address, prefixLength, peer, capacity, replyLimit, null);
    }

    /** @return example.c's settings: adapter Demo, 10.6.7.7/24, pings from 10.6.7.8, a 4 MiB ring, running until stopped */
    public static DemoOptions example() {
        return new DemoOptions(EXAMPLE_ADAPTER_NAME, EXAMPLE_ADDRESS, EXAMPLE_PREFIX_LENGTH, EXAMPLE_PEER,
                WintunConstants.EXAMPLE_RING_CAPACITY, 0);
    }

    /**
     * @param limit the number of echo replies after which the demo stops; 0 for none
     * @return these options with that limit
     */
    public DemoOptions withReplyLimit(int limit) {
        return new DemoOptions(adapterName, address, prefixLength, peer, capacity, limit, pcap);
    }

    /**
     * @param bytes the ring capacity
     * @return these options with that capacity
     */
    public DemoOptions withCapacity(int bytes) {
        return new DemoOptions(adapterName, address, prefixLength, peer, bytes, replyLimit, pcap);
    }

    /**
     * @param name the adapter name
     * @return these options with that adapter name
     */
    public DemoOptions withAdapterName(String name) {
        return new DemoOptions(name, address, prefixLength, peer, capacity, replyLimit, pcap);
    }

    /**
     * @param adapterAddress the adapter's address
     * @param prefix         its prefix length
     * @param from           the address the pings come from
     * @return these options with those addresses
     */
    public DemoOptions withAddresses(Inet4Address adapterAddress, int prefix, Inet4Address from) {
        return new DemoOptions(adapterName, adapterAddress, prefix, from, capacity, replyLimit, pcap);
    }

    /**
     * @param file a new file to capture the packets to (it must not exist), or {@code null} for no capture
     * @return these options with that capture
     */
    public DemoOptions withPcap(Path file) {
        return new DemoOptions(adapterName, address, prefixLength, peer, capacity, replyLimit, file);
    }

    private static Inet4Address ipv4(int a, int b, int c, int d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
