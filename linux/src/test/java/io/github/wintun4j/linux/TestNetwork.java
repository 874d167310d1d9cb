// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network side of one test on real devices: for each TUN device the test makes, a capture
 * socket opened as soon as the device exists (so that nothing the application writes is missed)
 * and an injector. Closed after the test. Thread-safe.
 */
final class TestNetwork implements AutoCloseable {

    private final LinuxSyscalls sys;
    private final Map<Integer, PacketSocket> captures = new ConcurrentHashMap<>();
    private final Map<Integer, PacketSocket> injectors = new ConcurrentHashMap<>();

    TestNetwork(LinuxSyscalls sys) {
        this.sys = sys;
    }

    LinuxSyscalls sys() {
        return sys;
    }

    /** Starts capturing on a device, if not yet. */
    void watch(int ifindex) {
        captures.computeIfAbsent(ifindex, index -> open(() -> PacketSocket.capture(sys, index)));
    }

    PacketSocket capture(int ifindex) {
        watch(ifindex);
        return captures.get(ifindex);
    }

    PacketSocket injector(int ifindex) {
        return injectors.computeIfAbsent(ifindex, index -> open(() -> PacketSocket.injector(sys, index)));
    }

    /** Forgets the sockets of a device that is gone. */
    void forget(int ifindex) {
        closeQuietly(captures.remove(ifindex));
        closeQuietly(injectors.remove(ifindex));
    }

    @Override
    public void close() {
        captures.values().forEach(TestNetwork::closeQuietly);
        injectors.values().forEach(TestNetwork::closeQuietly);
        captures.clear();
        injectors.clear();
    }

    private static void closeQuietly(PacketSocket socket) {
        if (socket != null) {
            socket.close();
        }
    }

    /** Opens a socket. */
    @FunctionalInterface
    private interface Opener {
        PacketSocket open() throws ErrnoException;
    }

    private static PacketSocket open(Opener opener) {
        try {
            return opener.open();
        } catch (ErrnoException e) {
            throw new UncheckedIOException(new java.io.IOException("AF_PACKET socket: " + e.getMessage(), e));
        }
    }
}
