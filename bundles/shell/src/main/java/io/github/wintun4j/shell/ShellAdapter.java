// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.shell;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.capture.PacketCapture;
import io.github.wintun4j.ip.EchoPacketBuilder;
import io.github.wintun4j.ip.IcmpEcho;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * An adapter created by the shell, with its session and a thread that receives every packet,
 * counts it and releases it. Sends (the echo requests of {@code wintun:ping}) go through the same
 * session and are counted too, and so are the sends dropped because the ring was full.
 *
 * <p>Thread-safe. {@link #close()} ends the session (the receive thread returns at once with
 * {@code ERROR_HANDLE_EOF}), waits for that thread, and removes the adapter.
 */
final class ShellAdapter implements AutoCloseable {

    private static final long RECEIVE_SLICE_MILLIS = 250;
    private static final long JOIN_MILLIS = 5_000;

    private final String backend;
    private final Adapter adapter;
    private final Session session;
    /** The session the receive thread and ping use: {@code session}, or its capturing wrapper. */
    private volatile Session active;
    /** The capture running, or {@code null}. Guarded by {@code this}. */
    private PacketCapture capture;
    private final Thread receiver;
    private final LongAdder receivedPackets = new LongAdder();
    private final LongAdder receivedBytes = new LongAdder();
    private final LongAdder echoReplies = new LongAdder();
    private final LongAdder sentPackets = new LongAdder();
    private final LongAdder sentBytes = new LongAdder();
    private final LongAdder sendsDropped = new LongAdder();
    private volatile String ended;
    private int nextSequence;

    private ShellAdapter(String backend, Adapter adapter, Session session) {
        this.backend = backend;
        this.adapter = adapter;
        this.session = session;
        this.active = session;
        this.receiver = new Thread(this::receive, "wintun4j-shell-" + adapter.name());
        this.receiver.setDaemon(true);
    }

    /**
     * Starts a session on the adapter and the thread that receives from it.
     *
     * @param backend  the backend's name, for display
     * @param adapter  a new adapter; closed here when the session cannot start
     * @param capacity the ring capacity
     * @return the running adapter
     */
    static ShellAdapter start(String backend, Adapter adapter, int capacity) {
        Session session;
        try {
            session = adapter.startSession(capacity);
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
        ShellAdapter running = new ShellAdapter(backend, adapter, session);
        running.receiver.start();
        return running;
    }

    String backend() {
        return backend;
    }

    Adapter adapter() {
        return adapter;
    }

    /**
     * @return {@code "offloads on"} when the session uses segmentation offloads with the system
     *         ({@link Session#offloadsActive()}: Linux, where the kernel has them), else
     *         {@code "offloads off"} (Wintun on Windows, the mock, or a session that asked for none)
     */
    String offloads() {
        return session.offloadsActive() ? "offloads on" : "offloads off";
    }

    /** @return the line of {@code wintun:adapters}: name, backend, state, offloads, GUID, LUID */
    String describe() {
        return String.format("%-16s %-6s %-13s %-12s {%s} LUID 0x%016x", adapter.name(), backend, state(), offloads(),
                adapter.guid(), adapter.luid());
    }

    /** @return {@code "running"}, or why the session ended */
    String state() {
        String reason = ended;
        return reason == null ? "running" : reason;
    }

    long echoReplies() {
        return echoReplies.sum();
    }

    /**
     * Sends ICMP echo requests through the session.
     *
     * @return how many were sent; the others found the send ring full (and are counted as dropped)
     */
    synchronized int ping(InetAddress from, InetAddress to, int count) {
        int sent = 0;
        for (int i = 0; i < count; i++) {
            EchoPacketBuilder request = EchoPacketBuilder.request().source(from).destination(to)
                    .identifier(0x7734).sequence(nextSequence++ & 0xFFFF);
            Session through = active;
            Packet packet = through.allocateSendPacket(request.length());
            if (packet == null) {
                sendsDropped.increment();
                continue;
            }
            try {
                request.writeTo(packet.buffer());
                through.sendPacket(packet);
            } finally {
                packet.close();
            }
            sent++;
            sentPackets.increment();
            sentBytes.add(request.length());
        }
        return sent;
    }

    /** @return the counters, one per line */
    String stats() {
        return String.format("received %d packets (%d bytes), %d IPv4/IPv6 echo replies%n"
                        + "sent %d packets (%d bytes), %d dropped (send ring full)%n",
                receivedPackets.sum(), receivedBytes.sum(), echoReplies.sum(),
                sentPackets.sum(), sentBytes.sum(), sendsDropped.sum());
    }

    private void receive() {
        try {
            while (true) {
                // Wait first, then take the packet through the session in use at that moment, so that
                // a capture started during the wait sees the packet.
                session.awaitReadable(RECEIVE_SLICE_MILLIS, TimeUnit.MILLISECONDS);
                try (Packet packet = active.receivePacket()) {
                    if (packet != null) {
                        count(packet.buffer());
                    }
                }
            }
        } catch (WintunException e) {
            ended = e.isEndOfFile() ? "session ended" : "failed: " + e.getMessage();
        } catch (InterruptedException e) {
            ended = "interrupted";
        } catch (RuntimeException e) {
            ended = "failed: " + e;
        }
    }

    private void count(ByteBuffer bytes) {
        receivedPackets.increment();
        receivedBytes.add(bytes.remaining());
        if (IcmpEcho.parse(bytes).toOptional().filter(IcmpEcho::isReply).isPresent()) {
            echoReplies.increment();
        }
    }

    /**
     * Captures every packet of the session from now on, to a new pcapng file.
     *
     * @return what the shell prints
     * @throws IllegalStateException when a capture runs already
     * @throws IOException           when the file cannot be created (it exists, its folder is missing)
     */
    synchronized String startCapture(Path file) throws IOException {
        if (capture != null) {
            throw new IllegalStateException("adapter \"" + adapter.name() + "\" is being captured already"
                    + " (wintun:capture --stop it first)");
        }
        capture = PacketCapture.toFile(file);
        active = capture.wrap(session, adapter.name());
        return "capturing adapter \"" + adapter.name() + "\" to " + file + " (pcapng, readable by you only)";
    }

    /**
     * Stops the capture, closing its file.
     *
     * @return what the shell prints
     * @throws IllegalStateException when no capture runs
     */
    synchronized String stopCapture() {
        if (capture == null) {
            throw new IllegalStateException("adapter \"" + adapter.name() + "\" is not being captured");
        }
        active = session;
        PacketCapture stopped = capture;
        capture = null;
        stopped.close();
        return "stopped capturing adapter \"" + adapter.name() + "\": " + stopped.packets() + " packets ("
                + stopped.state() + ")";
    }

    /** Ends the session, waits for the receive thread, removes the adapter. Idempotent; never throws. */
    @Override
    public void close() {
        synchronized (this) {
            if (capture != null) {
                stopCapture();
            }
        }
        session.close();
        try {
            receiver.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        adapter.close();
    }
}
