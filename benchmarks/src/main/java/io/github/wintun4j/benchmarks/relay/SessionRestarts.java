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
 * <p>A session is <em>silent</em> when the kernel of the namespace sent echo requests while it
 * lived (its {@code OutEchos} counter, {@link IcmpEchoCounter}, rose between the start of the
 * session and one {@link #GRACE_NANOS} before its end) and the session received no packet at all.
 * That is a session the library failed. A session during which the kernel sent no request is
 * <em>unrequested</em>: the ping was not scheduled (the 60-minute soak saw one in about 635 at a
 * load average near 70), which says nothing about the library; it is counted apart. So is a session
 * that received nothing while the process itself stood still for {@link #STALL_MILLIS} or more
 * ({@link StallWatch}: a collection's pause, a machine too loaded to schedule it): <em>stalled</em>.
 *
 * <p>Prints {@code ready} once the first session runs; on SIGTERM, ends the loop and prints
 * {@code restarts=N silent=M unrequested=U stalled=T replies=R} on standard output, then removes the adapter.
 */
@Command(name = "session-restarts", mixinStandardHelpOptions = true,
        description = "Restarts a session every few seconds while it answers echo requests.")
public final class SessionRestarts implements Callable<Integer> {

    @CommandLine.Mixin
    private EchoDeviceOptions device;

    @Option(names = "--seconds", defaultValue = "3", description = "how long each session lives (default ${DEFAULT-VALUE})")
    private int seconds;

    /** Requests sent later than this before a session's end may fairly go unread: they are not judged. */
    private static final long GRACE_NANOS = 500_000_000L;

    /** A process that stood still this long in a session did not give it a fair chance to receive. */
    private static final long STALL_MILLIS = 1_000;

    private volatile long restarts;
    private volatile long silent;
    private volatile long unrequested;
    private volatile long stalled;

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
        StallWatch stallWatch = new StallWatch();
        GracefulStop stop = new GracefulStop("session-restarts", () -> {
            System.out.println("restarts=" + restarts + " silent=" + silent
                    + " unrequested=" + unrequested + " stalled=" + stalled + " replies=" + answerer.replies());
            System.out.flush();
            try (driver; adapter) {
                // removes the adapter, then releases the driver
            }
        });
        boolean first = true;
        while (stop.running()) {
            long receivedBefore = answerer.received();
            long[] until = new long[1];
            long[] echos = new long[2];   // the kernel's OutEchos at the session's start, and GRACE_NANOS before its end
            try (Session session = adapter.startSession(WintunConstants.EXAMPLE_RING_CAPACITY)) {
                // The session's time counts from when it runs: starting one can take a while on a loaded machine.
                until[0] = System.nanoTime() + seconds * 1_000_000_000L;
                echos[0] = IcmpEchoCounter.outEchos();
                echos[1] = -1;
                stallWatch.takeLongestGapMillis();
                if (first) {
                    System.out.println("ready");
                    System.out.flush();
                    first = false;
                }
                answerer.answerWhile(session, () -> {
                    long now = System.nanoTime();
                    if (echos[1] < 0 && now - (until[0] - GRACE_NANOS) >= 0) {
                        echos[1] = IcmpEchoCounter.outEchos();
                    }
                    return stop.running() && now - until[0] < 0;
                });
            }
            if (System.nanoTime() - until[0] >= 0) {   // a whole session, not one cut short by the stop
                restarts++;
                long requested = echos[1] - echos[0];
                long received = answerer.received() - receivedBefore;
                long longestStall = stallWatch.takeLongestGapMillis();
                if (requested <= 0) {
                    unrequested++;
                    System.err.println("session-restarts: session " + restarts + ": the kernel sent no echo request in its "
                            + seconds + " s (received " + received + ")");
                } else if (received == 0 && longestStall >= STALL_MILLIS) {
                    stalled++;
                    System.err.println("session-restarts: session " + restarts + " received nothing in " + seconds
                            + " s while the process stood still for " + longestStall + " ms (the kernel sent "
                            + requested + " echo requests)");
                } else if (received == 0) {
                    silent++;
                    System.err.println("session-restarts: session " + restarts + " received nothing in " + seconds
                            + " s although the kernel sent " + requested + " echo requests (longest stall of the process "
                            + longestStall + " ms)");
                }
            }
        }
        stop.loopEnded();
        return 0;
    }
}
