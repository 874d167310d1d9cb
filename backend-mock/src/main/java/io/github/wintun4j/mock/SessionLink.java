// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.internal.ring.Ring;
import io.github.wintun4j.internal.ring.DriverReader;
import io.github.wintun4j.internal.ring.DriverWriter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The driver's side of one session: the two rings and the ends the application does not hold, a
 * writer on the receive ring (packets toward the application) and a reader on the send ring
 * (packets the application sent). The application's ends live in the {@link MockSession}.
 *
 * <p>Thread-safe: the ring ends have their own locks, the flags are volatile.
 */
final class SessionLink {

    final Ring receiveRing;
    final Ring sendRing;
    final DriverWriter toApplication;
    final DriverReader fromApplication;
    /** A read-only, big-endian view of the send ring, re-aimed at each record the network side reads. */
    final ByteBuffer sendRingView;
    private volatile boolean closing;

    /**
     * Allocates both rings ({@code Ring.HEADER_SIZE + capacity + 0x10000} bytes of direct memory each).
     *
     * @param capacity a valid ring capacity
     */
    SessionLink(int capacity) {
        this.receiveRing = new Ring(capacity);
        this.sendRing = new Ring(capacity);
        this.toApplication = new DriverWriter(receiveRing, "MockNetwork.deliver");
        this.fromApplication = new DriverReader(sendRing, "MockNetwork.takeSent");
        this.sendRingView = sendRing.memory().asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
    }

    /** The application started to close its session: nothing more goes toward it. */
    void markClosing() {
        closing = true;
    }

    /** @return whether the session is over or ending: closed by the application or terminated by the driver */
    boolean isEnded() {
        return closing || toApplication.isEnded() || fromApplication.isEnded();
    }

    /** Ends both rings as the driver does when the adapter disappears: both sides get {@code ERROR_HANDLE_EOF}. */
    void terminate() {
        receiveRing.terminate();
        sendRing.terminate();
    }

    /** Closes the driver's ends, after the application closed its own. */
    void close() {
        closing = true;
        toApplication.close();
        fromApplication.close();
    }
}
