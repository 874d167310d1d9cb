// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.ip.IcmpEcho;
import io.github.wintun4j.ip.PacketDescription;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * example.c's {@code ReceivePackets} thread: receive, print, release; on an empty ring wait for
 * the read event or the quit event.
 *
 * <p>The quit event is the {@link QuitEvent} plus an interrupt: {@link ExampleTunnel#stop()}
 * interrupts this thread so that a wait ends at once. The wait is also cut into short slices, so
 * the thread notices the quit event even if a backend's wait ignored the interrupt.
 */
final class PacketReceiver implements Runnable {

    /** The longest single wait for readability before the quit event is looked at again. */
    private static final long WAIT_SLICE_MILLIS = 250;

    private final Session session;
    private final ConsoleLogger log;
    private final QuitEvent quit;
    private final Runnable onEchoReply;
    private final Consumer<DemoFailure> onFailure;

    /**
     * @param onEchoReply called after each IPv4 echo reply was printed and released
     * @param onFailure   called once when receiving fails while the quit event is not set
     */
    PacketReceiver(Session session, ConsoleLogger log, QuitEvent quit, Runnable onEchoReply,
            Consumer<DemoFailure> onFailure) {
        this.session = session;
        this.log = log;
        this.quit = quit;
        this.onEchoReply = onEchoReply;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        try {
            while (!quit.isSet()) {
                Packet packet = session.receivePacket();
                if (packet == null) {
                    // ERROR_NO_MORE_ITEMS: wait for the read event (or the quit event), then retry.
                    session.awaitReadable(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
                boolean echoReply;
                try {
                    ByteBuffer bytes = packet.buffer();
                    // example.c's line for every packet the application receives, echo replies included.
                    log.info(PacketDescription.describe(PacketDescription.Direction.RECEIVED, bytes));
                    echoReply = isIpv4EchoReply(bytes);
                } finally {
                    session.releaseReceivePacket(packet);
                }
                if (echoReply) {
                    onEchoReply.run();
                }
            }
        } catch (InterruptedException e) {
            // The quit event: stop() interrupts the wait.
        } catch (RuntimeException e) {
            // ERROR_HANDLE_EOF and the like are expected once the quit event ended the session.
            if (!quit.isSet()) {
                onFailure.accept(new DemoFailure("Packet read failed", e));
            }
        }
    }

    private static boolean isIpv4EchoReply(ByteBuffer packet) {
        return IcmpEcho.parse(packet).toOptional()
                .filter(echo -> echo.isReply() && echo.ip().version() == 4)
                .isPresent();
    }
}
