// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.hosts;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunBackends;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.ip.IcmpEcho;
import io.github.wintun4j.ip.ParseResult;

import java.net.InetAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A plugin host in a child JVM (API and IP helpers on its module path, nothing else): for each
 * folder named on the command line, in turn and in this one JVM, loads the folder into a new module
 * layer (or a new class loader), opens the backend it holds, creates a TUN device, sends ICMP echo requests into it from
 * the device's peer address and waits for the kernel's replies, then closes everything. Prints one
 * line per folder; any failure ends the JVM with a non-zero status. Run it only in a network
 * namespace of its own ({@link PluginLayersIT}).
 */
public final class PluginHost {

    private static final int ECHOES = 3;
    private static final long REPLY_WAIT_SECONDS = 5;

    private PluginHost() {
    }

    /** @param args plugin folders, each as {@code layer=FOLDER} (a module layer) or {@code loader=FOLDER} (a class loader) */
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String[] how = args[i].split("=", 2);
            Path folder = Path.of(how[1]);
            try (URLClassLoader loader = "loader".equals(how[0]) ? PluginLayers.loader(folder) : null) {
                WintunBackends backends = loader != null ? Wintun.in(loader) : Wintun.in(PluginLayers.load(folder));
                try (WintunDriver driver = backends.open()) {
                    int replies = echo(driver, "plugin" + i, i + 1);
                    System.out.println(how[0] + " " + folder.getFileName() + ": backend " + driver.backendName()
                            + ", " + replies + "/" + ECHOES + " echo replies");
                }
            }
        }
    }

    private static int echo(WintunDriver driver, String adapterName, int subnet) throws Exception {
        InetAddress host = InetAddress.getByName("10.77." + subnet + ".1");
        InetAddress peer = InetAddress.getByName("10.77." + subnet + ".2");
        try (Adapter adapter = driver.createAdapter(adapterName, "PluginHost", null)) {
            adapter.addAddress(host, 24);
            try (Session session = adapter.startSession(0x20000)) {
                int replies = 0;
                for (int sequence = 1; sequence <= ECHOES; sequence++) {
                    byte[] request = EchoPacketBuilder.request().source(peer).destination(host).identifier(0x7057)
                            .sequence(sequence).payload(("plugin " + sequence).getBytes(StandardCharsets.US_ASCII))
                            .toByteArray();
                    Packet out = session.allocateSendPacket(request.length);
                    if (out == null) {
                        throw new IllegalStateException("send ring full on an idle session");
                    }
                    out.buffer().put(request);
                    session.sendPacket(out);
                    awaitReply(session, host, sequence);
                    replies++;
                }
                return replies;
            }
        }
    }

    /** Skips what else the kernel sends on a new device (IPv6 router solicitations, ...). */
    private static void awaitReply(Session session, InetAddress from, int sequence) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REPLY_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Packet packet = session.receivePacket(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                if (packet == null) {
                    break;
                }
                ParseResult<IcmpEcho> echo = IcmpEcho.parse(packet.buffer());
                if (echo.isValid() && echo.value().isReply() && echo.value().ip().source().equals(from)
                        && echo.value().sequence() == sequence && echo.value().isChecksumValid()) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no echo reply " + sequence + " from " + from + " within "
                + REPLY_WAIT_SECONDS + " s");
    }
}
