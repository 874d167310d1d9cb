// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import io.github.wintun4j.Session;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A packet capture in pcapng format, as Wireshark and tshark read it: wrap a session with
 * {@link #wrap(Session, String)} and use the wrapper in its place; every packet the application
 * receives (inbound) or sends (outbound) through it, by any of the session's methods, a claimed
 * {@link io.github.wintun4j.Receiver} or {@link io.github.wintun4j.Sender} included, is written
 * with a nanosecond timestamp. The packets are raw IP (LinkType 101); each interface name (one
 * per adapter) becomes one pcapng interface, so one capture may hold several adapters.
 *
 * <pre>{@code
 * try (PacketCapture capture = PacketCapture.toFile(Path.of("tunnel.pcapng"));
 *      Session session = capture.wrap(adapter.startSession(capacity), adapter.name())) {
 *     ...   // use session as usual
 * }
 * }</pre>
 *
 * <p>What a capture contains: the application's traffic, payloads included (up to the snap
 * length). The file is created new and readable by its owner only (0600 where POSIX permissions
 * exist); it never replaces or follows an existing file or link.
 *
 * <p>Bounds and failures: {@link CaptureOptions} limit the file size, the packet count and the
 * bytes kept of each packet. At a limit, or when writing fails (a full disk), the capture stops
 * for good, with one log line ({@code System.Logger} {@code io.github.wintun4j.capture}: INFO at a
 * limit, ERROR on a failure), and the sessions go on exactly as before, uncaptured. The file is
 * written in whole blocks, so it is readable up to its last complete block at any moment; blocks
 * reach it when the write buffer fills, when {@link CaptureOptions#flushInterval()} has passed as
 * the next packet is recorded, on {@link #flush()} and on {@link #close()}.
 *
 * <p>Cost: a session that is not wrapped pays nothing. A wrapped one copies each packet (up to
 * the snap length) into the capture's buffer under one lock per packet.
 *
 * <p>Threading: every method is thread-safe, and the wrapped sessions keep the threading rules of
 * the sessions they wrap; packets of concurrent threads are written one whole block at a time.
 *
 * <p>After {@link #close()} (or a stop at a limit or on a failure): the wrapped sessions still
 * work, unrecorded, and {@code wrap} still returns a working session that records nothing.
 * Closing a wrapped session ends that session only, never the capture.
 */
public final class PacketCapture implements AutoCloseable {

    private final CaptureSink sink;

    private PacketCapture(CaptureSink sink) {
        this.sink = sink;
    }

    /**
     * Starts a capture into a new file with the default bounds ({@link CaptureOptions#defaults()}).
     *
     * @param file the file to create; it must not exist
     * @return the capture
     * @throws java.nio.file.FileAlreadyExistsException when something exists under that name, a link included
     * @throws IOException          when the file cannot be created or written
     * @throws NullPointerException when the file is null
     */
    public static PacketCapture toFile(Path file) throws IOException {
        return toFile(file, CaptureOptions.defaults());
    }

    /**
     * Starts a capture into a new file.
     *
     * @param file    the file to create; it must not exist
     * @param options the bounds
     * @return the capture
     * @throws java.nio.file.FileAlreadyExistsException when something exists under that name, a link included
     * @throws IOException          when the file cannot be created or written
     * @throws NullPointerException when an argument is null
     */
    public static PacketCapture toFile(Path file, CaptureOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return new PacketCapture(new CaptureSink(CaptureFiles.create(file), file.toString(), options, defaultLogger()));
    }

    /**
     * Starts a capture into a channel, such as a pipe to Wireshark. The capture owns the channel
     * from now on and closes it. The channel should be blocking: a write that takes nothing is
     * repeated.
     *
     * @param channel     where the pcapng stream goes
     * @param description names the channel in the log, such as {@code "pipe to wireshark"}
     * @param options     the bounds
     * @return the capture
     * @throws IOException          when writing the section header fails (the channel is closed)
     * @throws NullPointerException when an argument is null
     */
    public static PacketCapture toChannel(WritableByteChannel channel, String description, CaptureOptions options)
            throws IOException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(options, "options");
        return toChannel(channel, description, options, defaultLogger());
    }

    /** As the public {@code toChannel}, reporting to {@code log}: for tests that count the log lines. */
    static PacketCapture toChannel(WritableByteChannel channel, String description, CaptureOptions options,
                                   System.Logger log) throws IOException {
        return new PacketCapture(new CaptureSink(channel, description, options, log));
    }

    private static System.Logger defaultLogger() {
        return System.getLogger(CaptureSink.LOGGER_NAME);
    }

    /**
     * Wraps a session so that its packets are captured as those of interface {@code interfaceName}
     * (wrapping sessions of one adapter, one after the other, under its name keeps them on one
     * pcapng interface).
     *
     * @param session       the session to capture, open or not
     * @param interfaceName the name shown for its packets, usually the adapter's name
     * @return a session to use in place of {@code session}; closing it closes {@code session}
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the name is empty or longer than 255 characters
     */
    public Session wrap(Session session, String interfaceName) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interfaceName.isEmpty() || interfaceName.length() > 255) {
            throw new IllegalArgumentException("an interface name is 1..255 characters, got "
                    + interfaceName.length());
        }
        return new CapturingSession(session, new Tap(sink, sink.interfaceId(interfaceName)));
    }

    /** @return where the capture stands */
    public CaptureState state() {
        return sink.state();
    }

    /** @return how many packets were recorded */
    public long packets() {
        return sink.packets();
    }

    /** @return the size of the capture in bytes, the part still in memory included */
    public long bytes() {
        return sink.bytes();
    }

    /** Writes the packets held in memory to the file now; a no-op once the capture stopped. Never throws. */
    public void flush() {
        sink.flush();
    }

    /** Writes what is left and closes the file. Idempotent; never throws (a failure is logged). */
    @Override
    public void close() {
        sink.close();
    }

    @Override
    public String toString() {
        return "PacketCapture[" + state() + ", " + packets() + " packets, " + bytes() + " bytes]";
    }
}
