// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.SessionOptions;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * The relay benchmark's Java side: creates two adapters, A and B, and forwards every packet
 * received on A to B and every packet received on B to A, one thread per direction
 * ({@link Forwarder}, which claims its receive and send sides). {@code benchmarks/relay.sh}
 * routes traffic into one device and out of the other and compares this with {@code tun_relay.c},
 * which does the same with read() and write().
 *
 * <p>Prints {@code ready} on standard output once both sessions run; runs until SIGTERM or
 * SIGINT, then ends both sessions, prints what each direction moved on standard error and
 * removes both adapters. Exit status 1 when a direction failed on its own.
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Forwards packets between two TUN adapters through the wintun4j API.")
public final class Relay implements Callable<Integer> {

    @Option(names = "--backend", required = true, description = "the backend: ffm or jna")
    private String backend;

    @Option(names = "--a", defaultValue = "tunA", description = "the name of adapter A (default ${DEFAULT-VALUE})")
    private String nameA;

    @Option(names = "--b", defaultValue = "tunB", description = "the name of adapter B (default ${DEFAULT-VALUE})")
    private String nameB;

    @Option(names = "--batch", defaultValue = "64",
            description = "packets taken per receiveEach call; 1 takes one packet at a time with"
                    + " receivePacket (default ${DEFAULT-VALUE})")
    private int batchSize;

    @Option(names = "--capacity", defaultValue = "" + WintunConstants.EXAMPLE_RING_CAPACITY,
            description = "the ring capacity in bytes (default ${DEFAULT-VALUE})")
    private int capacity;

    @Option(names = "--offloads", defaultValue = "true", arity = "1",
            description = "whether the sessions ask for segmentation offloads: true or false (default ${DEFAULT-VALUE})")
    private boolean offloads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Relay()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--batch must be at least 1");
        }
        SessionOptions options = SessionOptions.defaults().withOffloads(offloads);
        RelayRun run = new RelayRun(Wintun.open(backend), nameA, nameB, capacity, batchSize, options);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "relay-stop"));
        System.out.println("ready");
        System.out.flush();
        run.awaitDirections();
        // Only when a direction ended on its own (a failure, the device removed underneath).
        run.stop();
        return 1;
    }

    /** The two adapters and the two directions between them; stopped once, from any thread. */
    private static final class RelayRun {

        private final WintunDriver driver;
        private final DeviceSession a;
        private final DeviceSession b;
        private final Forwarder[] forwarders;
        private final Thread[] threads;
        private boolean stopped;

        RelayRun(WintunDriver driver, String nameA, String nameB, int capacity, int batchSize, SessionOptions options) {
            this.driver = driver;
            this.a = DeviceSession.create(driver, nameA, capacity, options);
            this.b = DeviceSession.create(driver, nameB, capacity, options);
            System.err.println("relay: offloads " + (a.session().offloadsActive() ? "on" : "off") + " on " + nameA
                    + ", " + (b.session().offloadsActive() ? "on" : "off") + " on " + nameB);
            this.forwarders = new Forwarder[] {
                new Forwarder("A->B", a.session(), b.session(), batchSize),
                new Forwarder("B->A", b.session(), a.session(), batchSize),
            };
            this.threads = new Thread[] {
                new Thread(forwarders[0], "relay-A-to-B"),
                new Thread(forwarders[1], "relay-B-to-A"),
            };
            for (Thread thread : threads) {
                thread.start();
            }
        }

        void awaitDirections() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join();
            }
        }

        /** Ends both sessions (which ends both directions), reports, removes both adapters. */
        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            a.endSession();
            b.endSession();
            for (Thread thread : threads) {
                try {
                    thread.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (int i = 0; i < forwarders.length; i++) {
                // A forwarder's counters are its thread's: read only once that thread has ended.
                System.err.println("relay: " + (threads[i].isAlive()
                        ? threads[i].getName() + " did not stop within 5 s" : forwarders[i].report()));
            }
            try (driver; a; b) {
                // closes b, a, then the driver, even when one of them fails
            }
        }
    }
}
