// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.IfReq;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.spi.BackendAvailability;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The guard every test that creates a TUN device passes first: it proves that the test JVM runs
 * in a network namespace of its own, made for it (the backends' Surefire configuration starts the
 * JVM under {@code unshare --net} through {@code linux/src/test/netns/bin/java}), so that no device
 * and no packet of the tests ever reaches the machine's own network; and that the backend can
 * open {@code /dev/net/tun}. It then brings {@code lo} up inside that namespace.
 *
 * <p>When the machine cannot give that, the tests fail loudly in CI ({@code CI=true}) and are
 * skipped, with the reason, elsewhere. Checked once per JVM; thread-safe.
 */
final class IsolatedNetwork {

    /** Set by netns/bin/java when it could not create a namespace, with the reason. */
    static final String NETNS_ERROR = "WINTUN4J_NETNS_ERROR";
    /** Set by netns/bin/java to the way it made the namespace ({@code "unshare --net"}, ...). */
    static final String NETNS = "WINTUN4J_NETNS";

    private static String problem;
    private static boolean checked;
    private static boolean loopbackUp;
    private static boolean reported;

    private IsolatedNetwork() {
    }

    /**
     * Returns when the current tests may create TUN devices; otherwise fails (in CI) or aborts the
     * tests (elsewhere). For {@code @BeforeAll}.
     */
    static synchronized void require() {
        if (!checked) {
            problem = check();
            checked = true;
        }
        if (problem != null) {
            String message = "real TUN device tests cannot run: " + problem;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: these tests must run, so this is a failure)");
            }
            if (!reported) {
                reported = true;
                System.err.println("[wintun4j] " + message + "; skipping them (with CI=true they fail)");
            }
            Assumptions.abort(message);
        }
    }

    /**
     * Checks that the backend under test is usable and brings {@code lo} up in the test namespace
     * (once). Call after {@link #require()}.
     *
     * @return the backend's binding, for the test's own sockets
     * @throws AssertionError when the backend is not usable although the machine allows TUN devices
     */
    static synchronized LinuxSyscalls prepare(LinuxBackend backend) {
        require();
        BackendAvailability availability = backend.availability();
        if (!availability.usable()) {
            throw new AssertionError("backend '" + backend.name() + "' is not usable in a JVM that may create TUN"
                    + " devices: " + availability.reason());
        }
        try {
            LinuxSyscalls sys = backend.binding();
            if (!loopbackUp) {
                bringLoopbackUp(sys);
                loopbackUp = true;
            }
            return sys;
        } catch (BindingUnavailableException | ErrnoException e) {
            throw new AssertionError("preparing the test namespace failed: " + e.getMessage(), e);
        }
    }

    private static String check() {
        String error = System.getenv(NETNS_ERROR);
        if (error != null) {
            return error;
        }
        if (!System.getProperty("os.name", "").equalsIgnoreCase("linux")) {
            return "not Linux (" + System.getProperty("os.name") + ")";
        }
        String isolation = isolation();
        if (isolation != null) {
            return isolation;
        }
        try (FileChannel tun = FileChannel.open(Path.of(TunControl.CLONE_DEVICE), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot open " + TunControl.CLONE_DEVICE + " read-write (" + e + "): it needs root or CAP_NET_ADMIN";
        }
    }

    /** @return why this JVM's network namespace is not a fresh one of its own, or {@code null} */
    private static String isolation() {
        try {
            Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
            try {
                if (own.equals(Files.readSymbolicLink(Path.of("/proc/1/ns/net")))) {
                    return "the test JVM runs in the machine's own network namespace (" + own + "); it must run"
                            + " under 'unshare --net' (see linux/src/test/netns/bin/java)";
                }
            } catch (IOException | SecurityException e) {
                if (System.getenv(NETNS) == null) {
                    return "cannot tell whether the test JVM has a network namespace of its own (" + e
                            + ") and it was not started by netns/bin/java";
                }
            }
        } catch (IOException | SecurityException e) {
            return "cannot read /proc/self/ns/net: " + e;
        }
        List<String> present = InterfaceNames.present();
        if (!present.equals(List.of("lo"))) {
            return "the network namespace is not a fresh one: it has the interfaces " + present;
        }
        return null;
    }

    private static void bringLoopbackUp(LinuxSyscalls sys) throws ErrnoException {
        InterfaceControl control = new InterfaceControl(sys);
        short flags = control.ifreq("lo", LinuxAbi.SIOCGIFFLAGS, new IfReq("lo")).flags();
        control.ifreq("lo", LinuxAbi.SIOCSIFFLAGS, new IfReq("lo").flags((short) (flags | LinuxAbi.IFF_UP)));
    }
}
