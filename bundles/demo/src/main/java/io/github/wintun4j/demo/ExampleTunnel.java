// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.DriverVersion;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The port of Wintun's example program ({@code example.c}) to the wintun4j API, step by step:
 * create adapter {@code Demo} (tunnel type {@code Example}, a fixed GUID), report the driver
 * version, assign 10.6.7.7/24, start a 4 MiB session, then run a receive thread that prints every
 * packet and a send thread that sends an ICMP echo request to 10.6.7.7 every second, until
 * {@link #stop()} (example.c's Ctrl-C handler) or, when asked, a number of echo replies.
 * Cleanup is example.c's: stop both threads, end the session, close (remove) the adapter.
 * {@link DemoOptions} may change the adapter name, the addresses, the capacity and the limit, and
 * ask for a capture of the session's packets to a pcapng file.
 *
 * <p>The driver is the caller's: it is opened (or obtained as a service) before and closed
 * after, so that a test can pass any driver and look at it afterwards.
 *
 * <p>Threading: {@link #run()} runs once, on the caller's thread; {@link #stop()} may be called
 * from any thread, any number of times, before, during or after {@code run()}.
 */
public final class ExampleTunnel {

    /** example.c's tunnel type. */
    public static final String TUNNEL_TYPE = "Example";
    /** example.c's {@code ExampleGuid}, {@code {deadbabe-cafe-beef-0123-456789abcdef}}. */
    public static final UUID ADAPTER_GUID = UUID.fromString("deadbabe-cafe-beef-0123-456789abcdef");

    /** How often the waiting thread looks whether the log output still works. */
    private static final long OUTPUT_CHECK_MILLIS = 200;

    private final WintunDriver driver;
    private final boolean emulated;
    private final ConsoleLogger log;
    private final DemoOptions options;
    private final QuitEvent quit = new QuitEvent();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicInteger echoReplies = new AtomicInteger();
    private final AtomicReference<DemoFailure> workerFailure = new AtomicReference<>();
    private volatile Thread receiveThread;

    /**
     * @param driver   an open driver; the caller closes it after {@link #run()}
     * @param emulated whether the driver's backend only emulates Wintun (the mock): the demo then
     *                 says that no real adapter is created
     * @param log      the console logger, installed as the driver's logger and used for the demo's lines
     * @param options  adapter, addresses, capacity and reply limit
     */
    public ExampleTunnel(WintunDriver driver, boolean emulated, ConsoleLogger log, DemoOptions options) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.emulated = emulated;
        this.log = Objects.requireNonNull(log, "log");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs the example until it is stopped, then cleans up. Returns at once when {@link #stop()}
     * came first.
     *
     * @throws DemoFailure           when a step failed (after the cleanup); the message names the step
     * @throws IllegalStateException when called a second time
     */
    public void run() throws DemoFailure {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an ExampleTunnel runs once");
        }
        if (quit.isSet()) {
            return;
        }
        try {
            runSteps();
        } finally {
            quit.set(); // a later stop() has nothing left to do
        }
        DemoFailure failure = workerFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    private void runSteps() throws DemoFailure {
        driver.setLogger(log);
        log.info("Wintun library loaded");
        warnWhenEmulated();

        Adapter adapter;
        try {
            adapter = driver.createAdapter(options.adapterName(), TUNNEL_TYPE, ADAPTER_GUID);
        } catch (RuntimeException e) {
            throw new DemoFailure("Failed to create adapter", e);
        }
        try {
            logDriverVersion();
            assignAddress(adapter);
            Session session;
            try {
                session = adapter.startSession(options.capacity());
            } catch (RuntimeException e) {
                // example.c says "Failed to create adapter" here, a copy-and-paste slip; this names the step.
                throw new DemoFailure("Failed to start session", e);
            }
            try (DemoCapture capture = DemoCapture.start(options.pcap(), log)) {
                log.info("Launching threads and mangling packets...");
                pumpPackets(capture.wrap(session, options.adapterName()));
            } finally {
                session.close();
            }
        } finally {
            adapter.close();
        }
    }

    /**
     * example.c's Ctrl-C handler: logs {@code Cleaning up and shutting down...} (once) and sets the
     * quit event; {@link #run()} then stops both threads and cleans up. Does not wait.
     */
    public void stop() {
        if (quit.set()) {
            log.info("Cleaning up and shutting down...");
        }
        wakeReceiver();
    }

    /** @return the number of IPv4 echo replies received so far */
    public int echoReplies() {
        return echoReplies.get();
    }

    private void warnWhenEmulated() {
        if (emulated) {
            log.warn("Backend " + driver.backendName() + " emulates Wintun in memory: no real adapter is created,"
                    + " the echo replies come from the emulation");
        }
    }

    private void logDriverVersion() {
        // example.c does not check this call (it would print v0.0): a failure here is only a warning.
        try {
            DriverVersion version = driver.runningDriverVersion();
            log.info("Wintun v" + version.major() + "." + version.minor() + " loaded");
        } catch (WintunException e) {
            log.warn("Failed to get the running driver version: " + e.getMessage());
        }
    }

    private void assignAddress(Adapter adapter) throws DemoFailure {
        try {
            adapter.addAddress(options.address(), options.prefixLength());
        } catch (WintunException e) {
            if (e.errorCode() != WintunErrors.ERROR_OBJECT_ALREADY_EXISTS) {
                throw new DemoFailure("Failed to set IP address", e);
            }
        } catch (RuntimeException e) {
            throw new DemoFailure("Failed to set IP address", e);
        }
    }

    private void pumpPackets(Session session) {
        Thread receiver = new Thread(
                new PacketReceiver(session, log, quit, this::countEchoReply, this::failWith),
                "wintun4j-demo-receive");
        Thread sender = new Thread(new EchoSender(session, options, log, quit, this::failWith), "wintun4j-demo-send");
        receiver.setDaemon(true);
        sender.setDaemon(true);
        receiveThread = receiver;
        receiver.start();
        sender.start();
        // example.c waits for both threads; they end on the quit event or on a failure.
        boolean interrupted = false;
        for (Thread worker : List.of(receiver, sender)) {
            while (worker.isAlive()) {
                try {
                    worker.join(OUTPUT_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    halt();
                }
                if (log.isBroken()) {
                    // Nobody can read the log any more (| head has exited): stop as on Ctrl-C.
                    halt();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void countEchoReply() {
        int limit = options.replyLimit();
        if (echoReplies.incrementAndGet() == limit && limit > 0) {
            stop();
        }
    }

    private void failWith(DemoFailure failure) {
        if (!workerFailure.compareAndSet(null, failure)) {
            workerFailure.get().addSuppressed(failure);
        }
        halt();
    }

    /** Sets the quit event without the Ctrl-C message. */
    private void halt() {
        quit.set();
        wakeReceiver();
    }

    private void wakeReceiver() {
        Thread receiver = receiveThread;
        if (receiver != null && receiver != Thread.currentThread()) {
            receiver.interrupt();
        }
    }
}
