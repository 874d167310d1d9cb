// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunLogLevel;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxAbi;
import io.github.wintun4j.linux.sys.LinuxSyscalls;
import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.internal.ring.DriverReader;
import io.github.wintun4j.internal.ring.DriverWriter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The driver side of a Linux session, between the session's rings and the attached TUN descriptor.
 *
 * <ul>
 *   <li>the receive ring is filled from the TUN descriptor by {@link ReceivePath}: on the
 *       application's thread when a receive finds the ring empty, and by the {@link ReceiveLoop}'s
 *       thread while a receiver waits;</li>
 *   <li>the send ring is drained by {@link SendPath}: on the application's thread right after each
 *       send, and by a send thread for what the senders leave.</li>
 * </ul>
 *
 * <p>When the device is deleted underneath (POLLERR, EBADFD), both rings are terminated, so that
 * the application's blocked and later calls end with {@code ERROR_HANDLE_EOF}.
 *
 * <p>Stopping is ordered: {@link #stop()} raises the eventfd and wakes the send thread, joins both
 * threads, waits until no sender is inside a {@code write()} ({@link SendPath#lockOut()}) and no
 * receiver inside a {@code read()} ({@link ReceivePath#lockOut()}), and only
 * then closes the descriptors, so that no thread is ever inside a call on a descriptor being closed
 * and no closed number is used again. Thread-safe.
 */
final class PacketPump implements SendPath.Faults {

    private static final long JOIN_MILLIS = 10_000;

    private final LinuxAdapter adapter;
    private final LinuxSyscalls sys;
    private final Fd tun;
    private final Fd wake;
    private final DriverWriter receiveWriter;
    private final Ring sendRing;
    private final SendPath sendPath;
    private final ReceivePath receivePath;
    private final ReceiveLoop receiveLoop;
    private final Thread receiveThread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final TunOffloads offloads;
    private volatile boolean stopping;

    PacketPump(LinuxAdapter adapter, Fd tun, Fd wake, Ring receiveRing, Ring sendRing, TunOffloads offloads) {
        this.adapter = adapter;
        this.sys = adapter.sys();
        this.tun = tun;
        this.wake = wake;
        this.receiveWriter = new DriverWriter(receiveRing, "read(TUN)");
        this.sendRing = sendRing;
        this.offloads = offloads;
        this.sendPath = new SendPath(adapter, tun, wake, new DriverReader(sendRing, "write(TUN)"), this, offloads);
        this.receivePath = new ReceivePath(adapter, tun, receiveWriter, this, offloads);
        this.receiveLoop = new ReceiveLoop(adapter, tun, wake, receiveRing, receivePath, this);
        receiveRing.onReaderWaiting(receiveLoop::readerWaiting);
        this.receiveThread = new Thread(receiveLoop, "wintun4j-rx-" + adapter.name());
        receiveThread.setDaemon(true);
    }

    void start() {
        receiveThread.start();
        sendPath.start();
    }

    /** The session's {@code afterSend} hook: writes the sent packets on the sending thread. */
    void afterSend() {
        sendPath.afterSend();
    }

    /**
     * The session's {@code fillWhenEmpty} hook: a receive found the ring empty and reads a burst
     * on its own thread ({@link ReceivePath#fillOnDemand()}).
     */
    void fillOnDemand() {
        if (!stopping) {
            receivePath.fillOnDemand();
        }
    }

    /** @return the reading side, for the test fixtures that play the driver */
    ReceivePath receivePath() {
        return receivePath;
    }

    /** @return whether the send ring ended (device gone, pump failed or stopped): nothing more is written */
    boolean sendEnded() {
        return sendRing.isTerminated();
    }

    /** @return whether no thread is writing to the descriptor now; for the test fixtures */
    boolean sendIdle() {
        return sendPath.isIdle();
    }

    /** @return the writer of the receive ring (the driver's end), for the test fixtures' fault injection */
    DriverWriter receiveWriter() {
        return receiveWriter;
    }

    @Override
    public void deviceGone(String why) {
        adapter.log(WintunLogLevel.WARN, "TUN device \"" + adapter.name() + "\" went away (" + why
                + "); ending the session");
        terminateRings();
    }

    @Override
    public void failed(String where, Throwable e) {
        if (!stopping) {
            adapter.log(WintunLogLevel.ERR, "Session of \"" + adapter.name() + "\": " + where + " failed: " + e);
            terminateRings();
        }
    }

    @Override
    public void endRings() {
        terminateRings();
    }

    private void terminateRings() {
        receiveWriter.ring().terminate();
        sendRing.terminate();
    }

    /**
     * Stops both threads and closes the descriptors, in that order. Idempotent; never throws. When a
     * thread does not stop in time, the descriptors are left open (leaked) rather than closed under it.
     */
    void stop() {
        stopping = true;
        receiveLoop.stop();
        try {
            try {
                ByteBuffer one = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putLong(0, 1L);
                sys.write(wake.number(), one);
            } catch (ErrnoException | RuntimeException e) {
                adapter.log(WintunLogLevel.WARN, "Waking the receive thread of \"" + adapter.name()
                        + "\" failed (" + e + "); it stops within " + ReceiveLoop.POLL_TIMEOUT_MILLIS + " ms");
            }
            sendPath.stop();
            boolean joined = join(receiveThread) & join(sendPath.thread());
            if (joined) {
                sendPath.lockOut();
                receivePath.lockOut();
                receiveLoop.closeEventfdToWaiters();
                leaveNoOffloads();
                tun.close();
                wake.close();
            } else {
                adapter.log(WintunLogLevel.ERR, "The session threads of \"" + adapter.name()
                        + "\" did not stop; leaving their descriptors open rather than closing them under a call");
            }
            receiveWriter.close();
            sendPath.close();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Turns the device's offloads off before the descriptor goes, so that a later reader without
     * {@code IFF_VNET_HDR} (another program) is not handed packets of up to 64 KiB. Best effort:
     * the device may be gone already.
     */
    private void leaveNoOffloads() {
        if (offloads.active()) {
            try {
                sys.ioctl(tun.number(), LinuxAbi.TUNSETOFFLOAD, 0L);
            } catch (ErrnoException | RuntimeException e) {
                // the device went away with the session: nothing is left to reset
            }
        }
    }

    /** Waits until {@link #stop()} has finished, whoever called it. */
    void awaitStopped() {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean join(Thread thread) {
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        if (thread == Thread.currentThread()) {
            return false;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        try {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
