// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.SessionOptions;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.tck.NetworkSide;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry to the real-device fixtures for the abstract tests of {@code io.github.wintun4j.linux.testkit}
 * that the backends extend: one object per test, holding a driver of the backend under test whose
 * adapters are watched by the test's network, and the network sides of those adapters.
 *
 * <p>The fixtures live in this package because they use the package's test hooks; the abstract
 * tests live in another package because a backend's tests, compiled against the
 * {@code io.github.wintun4j.linux} module, cannot see classes added to one of its packages.
 * Everything runs on the class path, where the two halves of this package meet again.
 */
public final class RealDevices implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final TestNetwork network;
    private final WatchedDriver driver;

    private RealDevices(LinuxBackend backend, boolean offloads) {
        this.network = new TestNetwork(IsolatedNetwork.prepare(backend));
        LinuxDriver linux = (LinuxDriver) backend.openDriver();
        linux.sessionDefaults(SessionOptions.defaults().withOffloads(offloads));
        this.driver = new WatchedDriver(linux, network);
    }

    /**
     * For {@code @BeforeAll}: returns when this JVM may create TUN devices (a network namespace of
     * its own, {@code /dev/net/tun} usable); otherwise fails the tests in CI and skips them elsewhere.
     */
    public static void requireIsolatedNetwork() {
        IsolatedNetwork.require();
    }

    /**
     * @param backend the backend under test, which must be usable here
     * @return the fixtures of one test; close them after it
     */
    public static RealDevices open(LinuxBackend backend) {
        return new RealDevices(backend, true);
    }

    /**
     * @param backend  the backend under test, which must be usable here
     * @param offloads whether {@code startSession(int)} asks for offloads
     * @return the fixtures of one test; close them after it
     */
    public static RealDevices open(LinuxBackend backend, boolean offloads) {
        return new RealDevices(backend, offloads);
    }

    /**
     * @param adapter an adapter of a Linux driver
     * @return how many reads of its sessions were segmentation-offload packets, cut up
     */
    public static long segmentedReads(Adapter adapter) {
        return ((LinuxAdapter) adapter).counters().segmentedReads();
    }

    /**
     * @param adapter an adapter of a Linux driver
     * @return how many writes of its sessions merged several packets
     */
    public static long mergedWrites(Adapter adapter) {
        return ((LinuxAdapter) adapter).counters().mergedWrites();
    }

    /**
     * @param adapter an adapter of a Linux driver
     * @return how many reads of its sessions had a {@code virtio_net_hdr} that did not describe the packet
     */
    public static long malformedOffloadReads(Adapter adapter) {
        return ((LinuxAdapter) adapter).counters().malformedOffload();
    }

    /** @return the backend's driver (the test closes it) */
    public WintunDriver driver() {
        return driver;
    }

    /**
     * @param adapter an adapter of {@link #driver()}
     * @return its network side, played through the kernel
     */
    public NetworkSide networkSide(Adapter adapter) {
        return new LinuxNetworkSide((LinuxAdapter) adapter, network);
    }

    /**
     * @param prefix a few letters naming the test class
     * @return an interface name not used before in this JVM, at most 15 bytes
     */
    public static String uniqueName(String prefix) {
        return prefix + Long.toString(ProcessHandle.current().pid() % 46656, 36) + "n" + NAMES.incrementAndGet();
    }

    /**
     * Makes a persistent TUN device the way another program would, unknown to wintun4j's drivers.
     *
     * @param name its name
     * @return its interface index
     */
    public int createForeignTunDevice(String name) {
        try (Fd fd = new TunControl(network.sys()).createPersistent("test", name)) {
            return new InterfaceControl(network.sys()).index("test", name);
        }
    }

    /** Deletes an interface underneath whoever uses it (RTM_DELLINK), as {@code ip link delete} does. */
    public void deleteInterface(int ifindex) {
        try {
            Netlink.deleteLink(network.sys(), ifindex);
        } catch (io.github.wintun4j.linux.sys.ErrnoException e) {
            throw new AssertionError("deleting interface " + ifindex + ": " + e.getMessage(), e);
        }
    }

    /** @return the longest Linux interface name, in bytes */
    public static int maxNameBytes() {
        return InterfaceNames.MAX_BYTES;
    }

    /** Closes the test's sockets (not the driver). */
    @Override
    public void close() {
        network.close();
    }
}
