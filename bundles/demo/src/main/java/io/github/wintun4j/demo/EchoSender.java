// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.ip.EchoPacketBuilder;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * example.c's {@code SendPackets} thread: every second, allocate 28 bytes, write an ICMP echo
 * request from 10.6.7.8 to 10.6.7.7 (the peer and adapter addresses of the options) into them
 * ({@code MakeICMP}) and send it. A full ring ({@code null}, {@code ERROR_BUFFER_OVERFLOW}) is
 * ignored, as in example.c.
 */
final class EchoSender implements Runnable {

    /**
     * The line example.c's {@code MakeICMP} logs for each request, word for word. Note that it
     * names the addresses the other way round: the packet goes from 10.6.7.8 to 10.6.7.7. Kept as
     * is so that the port prints what the original prints (with other addresses, the same way round).
     */
    static final String SENDING_LINE = "Sending IPv4 ICMP echo request to 10.6.7.8 from 10.6.7.7";

    private static final long INTERVAL_MILLIS = 1000;

    private final Session session;
    private final ConsoleLogger log;
    private final QuitEvent quit;
    private final Consumer<DemoFailure> onFailure;
    /** IPv4 header 0x45, TTL 255, protocol 1, identifier and sequence 0, both checksums: example.c's packet. */
    private final EchoPacketBuilder request;
    private final String sendingLine;

    /**
     * @param options   the addresses: requests go from the peer to the adapter's address
     * @param onFailure called once when sending fails while the quit event is not set
     */
    EchoSender(Session session, DemoOptions options, ConsoleLogger log, QuitEvent quit, Consumer<DemoFailure> onFailure) {
        this.session = session;
        this.log = log;
        this.quit = quit;
        this.onFailure = onFailure;
        this.request = EchoPacketBuilder.request()
                .source(options.peer())
                .destination(options.address())
                .hopLimit(255);
        this.sendingLine = sendingLine(options);
    }

    /** @return example.c's line for the options' addresses, as mixed up as the original's */
    static String sendingLine(DemoOptions options) {
        return "Sending IPv4 ICMP echo request to " + options.peer().getHostAddress()
                + " from " + options.address().getHostAddress();
    }

    @Override
    public void run() {
        try {
            int size = request.length(); // 28
            while (!quit.isSet()) {
                Packet packet = session.allocateSendPacket(size);
                if (packet != null) {
                    try {
                        request.writeTo(packet.buffer());
                        log.info(sendingLine);
                        session.sendPacket(packet);
                    } finally {
                        packet.close(); // only discards a packet that was not sent
                    }
                }
                if (quit.await(INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!quit.isSet()) {
                onFailure.accept(new DemoFailure("Packet write failed", e));
            }
        }
    }
}
