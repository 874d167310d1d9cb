// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.ip.EchoResponder;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The small host component of the README's testing section: answers every ping that reaches it
 * through the session, on a thread of its own, until closed.
 */
final class PingAnswerer implements AutoCloseable {

    private final Thread thread;

    PingAnswerer(Session session) {
        thread = new Thread(() -> answer(session), "ping-answerer");
        thread.start();
    }

    private static void answer(Session session) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try (Packet request = session.receivePacket(1, TimeUnit.SECONDS)) {
                    if (request != null) {
                        EchoResponder.icmpReply(request.buffer())
                                .ifPresent(reply -> session.sendCopy(ByteBuffer.wrap(reply)));
                    }
                }
            }
        } catch (InterruptedException | WintunException e) {
            // closed, or the session ended: stop answering
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
