// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.benchmarks.relay;

import io.github.wintun4j.Packet;
import io.github.wintun4j.Receiver;
import io.github.wintun4j.Sender;
import io.github.wintun4j.Session;
import io.github.wintun4j.ip.EchoResponder;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Answers the ICMP echo requests received on one session, as the host at the far end of the
 * tunnel would, for the soak's churning programs ({@link SessionRestarts}, {@link AdapterRecreation}).
 * The answering thread claims both sides of the session for as long as it answers.
 *
 * <p>Not thread-safe: one thread answers; {@link #replies()} is read by that thread, or by another
 * once it has ended (the counter is volatile only so that a late report reads a whole value).
 */
final class EchoAnswerer {

    /** How long one wait for a request lasts: how soon the answering thread sees its stop condition. */
    private static final long WAIT_MILLIS = 100;

    private volatile long replies;
    private volatile long received;

    /**
     * Answers until {@code keepGoing} turns false.
     *
     * @throws io.github.wintun4j.WintunException when the session ends or fails underneath
     *         (the adapter deleted, the session closed by another thread)
     */
    void answerWhile(Session session, BooleanSupplier keepGoing) throws InterruptedException {
        try (Receiver receiver = session.claimReceiver(); Sender sender = session.claimSender()) {
            while (keepGoing.getAsBoolean()) {
                Packet request = receiver.receivePacket(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (request == null) {
                    continue;
                }
                received++;
                if (answer(receiver, sender, request)) {
                    replies++;
                }
            }
        }
    }

    /** @return the replies sent so far, over every session this answerer served */
    long replies() {
        return replies;
    }

    /** @return the packets received so far (echo requests or not), over every session this answerer served */
    long received() {
        return received;
    }

    /**
     * Answers one request (releasing it) with a claimed sender; also {@link EchoServer}'s.
     *
     * @return whether a reply was sent
     */
    static boolean answer(Receiver receiver, Sender sender, Packet request) {
        Optional<byte[]> reply;
        try {
            reply = EchoResponder.icmpReply(request.buffer());
        } finally {
            receiver.releaseReceivePacket(request);
        }
        if (reply.isEmpty()) {
            return false;
        }
        byte[] bytes = reply.get();
        Packet out = sender.allocateSendPacket(bytes.length);
        if (out == null) {
            return false;       // send ring full: the ping is lost, as on a congested link
        }
        out.buffer().put(0, bytes);
        sender.sendPacket(out);
        return true;
    }
}
