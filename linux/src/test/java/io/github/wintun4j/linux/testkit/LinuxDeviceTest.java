// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.linux.LinuxAdapter;
import io.github.wintun4j.linux.RealDevices;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is particular to Linux, on real TUN devices in the test's own network namespace, checked
 * against what the kernel reports through {@link NetworkInterface}: the 15-byte names, interfaces
 * that exist already or are not TUN devices, the LUID's interface index, addresses and MTU as the
 * kernel sees them, the carrier that follows the session, the absence of kernel chatter, devices
 * made by other programs, and descriptors that never leak.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class LinuxDeviceTest extends RealDriverTest {

    private LinuxAdapter create() {
        return (LinuxAdapter) driver.createAdapter(RealDevices.uniqueName("dev"), "LinuxTest", null);
    }

    @Test
    void aNameOverFifteenBytesInUtf8IsRefusedAndNothingIsCreated() throws IOException {
        String name = "\u00e4".repeat(8); // 8 characters, 16 bytes
        assertError(WintunErrors.ERROR_BUFFER_OVERFLOW, () -> driver.createAdapter(name, "LinuxTest", null))
                .hasMessageContaining("15 bytes");
        assertThat(interfaces()).as("interfaces after the refusal").containsExactly("lo");
        String fits = "\u00e4".repeat(7) + "x"; // 15 bytes
        assertThat(driver.createAdapter(fits, "LinuxTest", null).name()).isEqualTo(fits);
        assertThat(interfaces()).contains(fits);
    }

    @Test
    void namesTheKernelRefusesAreInvalidParameters() {
        for (String name : List.of("a/b", "a b", "a:b", ".", "..", "tab\there")) {
            assertError(WintunErrors.ERROR_INVALID_PARAMETER, () -> driver.createAdapter(name, "LinuxTest", null))
                    .as("name \"%s\"", name).hasMessageContaining("not a valid Linux interface name");
        }
    }

    @Test
    void creatingOverAnExistingInterfaceFailsWithAlreadyExistsAndLeavesItAlone() throws SocketException {
        assertError(WintunErrors.ERROR_ALREADY_EXISTS, () -> driver.createAdapter("lo", "LinuxTest", null))
                .hasMessageContaining("already exists");
        assertThat(NetworkInterface.getByName("lo").isLoopback()).isTrue();
    }

    @Test
    void openingAnInterfaceThatIsNotATunDeviceFailsWithNotFound() {
        assertError(WintunErrors.ERROR_NOT_FOUND, () -> driver.openAdapter("lo"))
                .hasMessageContaining("not a single-queue TUN device");
    }

    @Test
    void theLuidCarriesTheKernelsInterfaceIndex() throws IOException {
        LinuxAdapter adapter = create();
        adapter.addAddress(InetAddress.getByName("10.6.7.7"), 24); // Java lists interfaces that have an address
        int index = NetworkInterface.getByName(adapter.name()).getIndex();
        assertThat(adapter.interfaceIndex()).isEqualTo(index);
        assertThat(adapter.luid()).isEqualTo((53L << 48) | ((long) index << 24));
        assertThat(adapter.isCreated()).isTrue();
    }

    @Test
    void addressesAndTheMtuAreWhatTheKernelReports() throws IOException {
        LinuxAdapter adapter = create();
        adapter.addAddress(InetAddress.getByName("10.6.7.7"), 24);
        adapter.addAddress(InetAddress.getByName("10.6.8.7"), 16);
        adapter.addAddress(InetAddress.getByName("10.6.9.7"), 32);
        adapter.addAddress(InetAddress.getByName("fd00:6:7::7"), 64);
        assertThat(addressesOf(adapter.name()))
                .contains("10.6.7.7/24", "10.6.8.7/16", "10.6.9.7/32", "fd00:6:7:0:0:0:0:7/64");

        adapter.removeAddress(InetAddress.getByName("10.6.8.7"), 16);
        assertThat(addressesOf(adapter.name())).contains("10.6.7.7/24", "10.6.9.7/32").doesNotContain("10.6.8.7/16");
        assertError(WintunErrors.ERROR_NOT_FOUND, () -> adapter.removeAddress(InetAddress.getByName("10.6.7.7"), 16))
                .as("the right address with another prefix length");

        adapter.setMtu(1400);
        assertThat(NetworkInterface.getByName(adapter.name()).getMTU()).isEqualTo(1400);
        assertThat(adapter.mtu()).isEqualTo(1400);
    }

    @Test
    void aFifteenByteNameHoldsOneIpv4AddressAndSaysSo() throws IOException {
        Adapter adapter = driver.createAdapter("abcdefghijklmno", "LinuxTest", null);
        adapter.addAddress(InetAddress.getByName("10.6.7.7"), 24);
        assertError(WintunErrors.ERROR_NOT_SUPPORTED, () -> adapter.addAddress(InetAddress.getByName("10.6.8.7"), 24))
                .hasMessageContaining("one IPv4 address per label");
        adapter.addAddress(InetAddress.getByName("fd00:6:7::7"), 64);
        assertThat(addressesOf(adapter.name())).contains("10.6.7.7/24", "fd00:6:7:0:0:0:0:7/64");
    }

    @Test
    void theInterfaceRunsOnlyWhileASessionIsAttached() throws Exception {
        LinuxAdapter adapter = create();
        adapter.addAddress(InetAddress.getByName("10.6.7.7"), 24); // Java lists interfaces that have an address
        // The kernel reports carrier changes a moment later (linkwatch): wait, do not sample.
        awaitTrue("no carrier before any session", () -> !isUp(adapter.name()));
        try (Session session = adapter.startSession(0x20000)) {
            assertThat(session.isOpen()).isTrue();
            assertThat(NetworkInterface.getByName(adapter.name()).isUp()).as("running with a session").isTrue();
        }
        awaitTrue("the carrier gone after the session", () -> !isUp(adapter.name()));
    }

    @Test
    void aCreatedAdapterHasNoLinkLocalAddressAndTheKernelSendsNothingUnasked() throws Exception {
        LinuxAdapter adapter = create();
        adapter.addAddress(InetAddress.getByName("fd00:6:7::7"), 64);
        adapter.addAddress(InetAddress.getByName("10.6.7.7"), 24);
        try (Session session = adapter.startSession(0x20000)) {
            try (Packet unasked = session.receivePacket(1500, TimeUnit.MILLISECONDS)) {
                assertThat(unasked).as("a packet the kernel sent on its own").isNull();
            }
        }
        assertThat(addressesOf(adapter.name())).noneMatch(address -> address.startsWith("fe80"));
    }

    @Test
    void aDeviceMadeByAnotherProgramOpensWithAStableGuidAndStaysAfterClose() throws IOException {
        String name = RealDevices.uniqueName("foreign");
        int index = devices.createForeignTunDevice(name);
        try {
            Adapter opened = driver.openAdapter(name);
            assertThat(((LinuxAdapter) opened).interfaceIndex()).isEqualTo(index);
            assertThat(((LinuxAdapter) opened).isCreated()).isFalse();
            assertThat(opened.guid()).isEqualTo(UUID.nameUUIDFromBytes(("wintun4j-linux:" + name)
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(opened.tunnelType()).isEqualTo("TUN");
            try (Session session = opened.startSession(0x20000)) {
                assertThat(session.isOpen()).isTrue();
            }
            opened.close();
            assertThat(interfaces()).as("the devices after closing the opened adapter").contains(name);
            assertThat(driver.openAdapter(name).guid()).isEqualTo(opened.guid());
        } finally {
            devices.deleteInterface(index);
        }
    }

    @Test
    void aSecondDriverCannotAttachWhileASessionRuns() {
        LinuxAdapter adapter = create();
        try (WintunDriver other = backend().openDriver()) {
            other.setLogger(WintunLogger.off());
            Adapter opened = other.openAdapter(adapter.name());
            try (Session session = adapter.startSession(0x20000)) {
                assertThat(session.isOpen()).isTrue();
                assertError(WintunErrors.ERROR_ALREADY_INITIALIZED, () -> opened.startSession(0x20000))
                        .hasMessageContaining("already attached");
            }
            try (Session session = opened.startSession(0x20000)) {
                assertThat(session.isOpen()).isTrue();
            }
        }
        assertThat(adapter.isOpen()).as("closing the other driver leaves this adapter").isTrue();
    }

    @Test
    void sessionsAndAdaptersLeaveNoDescriptorBehind() throws IOException {
        // A driver of its own: the test's network keeps a capture socket for each adapter of driver().
        try (WintunDriver plain = backend().openDriver()) {
            plain.setLogger(WintunLogger.off());
            cycle(plain, 1);
            long before = openDescriptors();
            cycle(plain, 10);
            assertThat(openDescriptors()).as("open descriptors after 10 adapters and 50 sessions").isEqualTo(before);
        }
    }

    private static void cycle(WintunDriver plain, int adapters) throws IOException {
        for (int i = 0; i < adapters; i++) {
            Adapter adapter = plain.createAdapter(RealDevices.uniqueName("fd"), "LinuxTest", null);
            for (int j = 0; j < 5; j++) {
                adapter.startSession(0x20000).close();
            }
            adapter.addAddress(InetAddress.getByName("10.6.7.7"), 24);
            adapter.mtu();
            adapter.close();
        }
    }

    @Test
    void theRunningDriverVersionIsTheKernels() {
        DriverVersion version = driver.runningDriverVersion();
        assertThat(System.getProperty("os.version")).startsWith(version.major() + "." + version.minor());
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertError(int code,
                                                                                                 ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOf(WintunException.class)
                .satisfies(e -> assertThat(((WintunException) e).errorCode())
                        .as("error code of: %s", e.getMessage()).isEqualTo(code));
    }

    /** @return the addresses of an interface and its IPv4 alias labels, as {@code "address/prefix"} */
    private static List<String> addressesOf(String name) throws SocketException {
        NetworkInterface kernel = NetworkInterface.getByName(name);
        List<String> addresses = new ArrayList<>();
        Stream.concat(Stream.of(kernel), kernel.subInterfaces()).forEach(nif -> {
            for (InterfaceAddress address : nif.getInterfaceAddresses()) {
                InetAddress ip = address.getAddress();
                String text = ip instanceof Inet6Address ? ip.getHostAddress().replaceAll("%.*$", "") : ip.getHostAddress();
                addresses.add(text + "/" + address.getNetworkPrefixLength());
            }
        });
        return addresses;
    }

    /** @return the interfaces of the test's namespace, addresses or not ({@code /proc/net} follows the caller) */
    private static List<String> interfaces() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.contains("|")) {
                names.add(line.substring(0, colon).trim());
            }
        }
        return names;
    }

    private static boolean isUp(String name) {
        try {
            return NetworkInterface.getByName(name).isUp();
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(what).isNegative();
            Thread.sleep(10);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
