// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.ip.EchoResponder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The latency benchmark's Java side: an adapter with an address, and one thread that answers
 * every ICMP echo request received on its session ({@link EchoResponder}), as the host at the
 * far end of the tunnel would; that thread claims both sides of the session. {@code benchmarks/latency.sh} pings through it from the kernel
 * and measures the round trips, then leaves it idle and measures the CPU time it uses.
 *
 * <p>Prints {@code ready} once the session runs; runs until SIGTERM or SIGINT, then prints the
 * number of replies on standard error and removes the adapter.
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = "Answers ICMP echo requests routed into a TUN adapter, through the wintun4j API.")
public final class EchoServer implements Callable<Integer> {

    /** How long one wait for a request lasts: the thread blocked in receive when there is no traffic. */
    private static final long WAIT_MILLIS = 1000;

    @Option(names = "--backend", required = true, description = "the backend: ffm or jna")
    private String backend;

    @Option(names = "--name", defaultValue = "tunL", description = "the adapter name (default ${DEFAULT-VALUE})")
    private String name;

    @Option(names = "--address", defaultValue = "10.9.0.1",
            description = "the adapter's IPv4 address (default ${DEFAULT-VALUE}); the other addresses"
                    + " of its /24 are routed into the adapter and answered here")
    private String address;

    @Option(names = "--wait", defaultValue = "SPIN",
            description = "SPIN: receivePacket(timeout); PLAIN: awaitReadable, then receivePacket() (default ${DEFAULT-VALUE})")
    private WaitPolicy policy;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EchoServer()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        WintunDriver driver = Wintun.open(backend);
        DeviceSession device = DeviceSession.create(driver, name, WintunConstants.EXAMPLE_RING_CAPACITY);
        device.adapter().addAddress(InetAddress.getByName(address), 24);
        Thread responder = Thread.currentThread();
        long[] replies = new long[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            device.endSession();            // wakes the responder with end of file
            try {
                responder.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.println("echo-server: " + replies[0] + " replies");
            try (driver; device) {
                // removes the adapter, then releases the driver
            }
        }, "echo-server-stop"));
        System.out.println("ready");
        System.out.flush();
        Session session = device.session();
        try (Receiver receiver = session.claimReceiver(); Sender sender = session.claimSender()) {
            while (true) {
                Packet request = policy.receive(session, receiver, WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (request != null && EchoAnswerer.answer(receiver, sender, request)) {
                    replies[0]++;
                }
            }
        } catch (WintunException e) {
            if (!e.isEndOfFile()) {
                throw e;
            }
            return 0;
        }
    }
}
