// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.net.InetAddress;
import java.util.concurrent.Callable;

/**
 * The soak's adapter churn: creates an adapter with an address, starts a session that answers the
 * echo requests routed into it, and when the device is deleted underneath ({@code ip link delete},
 * by {@code benchmarks/soak/adapter-recreation.sh}, under a running ping), closes what is left and
 * creates the adapter again.
 *
 * <p>Prints {@code ready} when the first adapter is up, then {@code up N} each time the N-th adapter carries a running session. On SIGTERM, ends
 * the loop and prints {@code deleted=D silent=S failed=F replies=R} on standard output: adapters
 * whose deletion the session reported, the ones of them that had answered nothing, and the failures
 * other than the deletion (each also on standard error); then removes the last adapter.
 */
@Command(name = "adapter-recreation", mixinStandardHelpOptions = true,
        description = "Creates an adapter again each time it is deleted underneath its running session.")
public final class AdapterRecreation implements Callable<Integer> {

    @CommandLine.Mixin
    private EchoDeviceOptions device;

    private volatile long deleted;
    private volatile long silent;
    private volatile long failed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AdapterRecreation()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        WintunDriver driver = Wintun.open(device.backend);
        InetAddress inet = InetAddress.getByName(device.address);
        EchoAnswerer answerer = new EchoAnswerer();
        GracefulStop stop = new GracefulStop("adapter-recreation", () -> {
            System.out.println("deleted=" + deleted + " silent=" + silent + " failed=" + failed
                    + " replies=" + answerer.replies());
            System.out.flush();
            try (driver) {
                // releases the driver after the last adapter (the loop closed every other one)
            }
        });
        long created = 0;
        while (stop.running()) {
            long before = answerer.replies();
            Adapter adapter = driver.createAdapter(device.name, DeviceSession.TUNNEL_TYPE, null);
            try (adapter; Session session = adapter.startSession(WintunConstants.EXAMPLE_RING_CAPACITY)) {
                adapter.addAddress(inet, 24);
                if (++created == 1) {
                    System.out.println("ready");
                }
                System.out.println("up " + created);
                System.out.flush();
                answerer.answerWhile(session, stop::running);
            } catch (WintunException e) {
                // Deleted underneath: the session's next receive reports it (Adapter.close, which
                // ran before this catch, finds the device gone and deletes nothing). The closing
                // adds nothing to the verdict; what the receive said does.
                if (!stop.running()) {
                    break;
                }
                if (e.getSuppressed().length > 0) {
                    failed++;
                    System.err.println("adapter-recreation: closing after the deletion failed: " + e.getSuppressed()[0]);
                } else if (deletedUnderneath(e)) {
                    deleted++;
                    if (answerer.replies() == before) {
                        silent++;
                    }
                } else {
                    failed++;
                    System.err.println("adapter-recreation: " + e);
                }
            }
        }
        stop.loopEnded();
        return 0;
    }

    /**
     * @return whether the failure is the end of the session, which is how a session reports its
     *         device gone (the script checks that the count of these equals its deletions)
     */
    private static boolean deletedUnderneath(WintunException e) {
        return e.isEndOfFile();
    }
}
