// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.util.concurrent.Callable;

/**
 * The soak's session churn: one adapter with an address, and a session on it that is started,
 * answers the echo requests routed into the device for {@code --seconds}, and is ended, again and
 * again. {@code benchmarks/soak/session-restarts.sh} pings through it meanwhile and samples the
 * process: a session that leaks a descriptor, a thread or native memory shows after a few hundred
 * restarts.
 *
 * <p>Prints {@code ready} once the first session runs; on SIGTERM, ends the loop and prints
 * {@code restarts=N silent=M replies=R} on standard output (silent: sessions that answered
 * nothing although the ping never stops), then removes the adapter.
 */
@Command(name = "session-restarts", mixinStandardHelpOptions = true,
        description = "Restarts a session every few seconds while it answers echo requests.")
public final class SessionRestarts implements Callable<Integer> {

    @CommandLine.Mixin
    private EchoDeviceOptions device;

    @Option(names = "--seconds", defaultValue = "3", description = "how long each session lives (default ${DEFAULT-VALUE})")
    private int seconds;

    private volatile long restarts;
    private volatile long silent;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SessionRestarts()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (seconds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--seconds must be at least 1");
        }
        WintunDriver driver = Wintun.open(device.backend);
        Adapter adapter = driver.createAdapter(device.name, DeviceSession.TUNNEL_TYPE, null);
        adapter.addAddress(InetAddress.getByName(device.address), 24);
        EchoAnswerer answerer = new EchoAnswerer();
        GracefulStop stop = new GracefulStop("session-restarts", () -> {
            System.out.println("restarts=" + restarts + " silent=" + silent + " replies=" + answerer.replies());
            System.out.flush();
            try (driver; adapter) {
                // removes the adapter, then releases the driver
            }
        });
        boolean first = true;
        while (stop.running()) {
            long before = answerer.replies();
            long[] until = new long[1];
            try (Session session = adapter.startSession(WintunConstants.EXAMPLE_RING_CAPACITY)) {
                // The session's time counts from when it runs: starting one can take a while on a loaded machine.
                until[0] = System.nanoTime() + seconds * 1_000_000_000L;
                if (first) {
                    System.out.println("ready");
                    System.out.flush();
                    first = false;
                }
                answerer.answerWhile(session, () -> stop.running() && System.nanoTime() - until[0] < 0);
            }
            if (System.nanoTime() - until[0] >= 0) {   // a whole session, not one cut short by the stop
                restarts++;
                if (answerer.replies() == before) {
                    silent++;
                    System.err.println("session-restarts: session " + restarts + " answered nothing in " + seconds + " s");
                }
            }
        }
        stop.loopEnded();
        return 0;
    }
}
