// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.internal.ring.RingSession;

/**
 * The application's side of a mock session: the API's {@link RingSession}, with the one thing a
 * driver without threads needs: after each send (and each close of an unsent packet) the sending
 * thread lets the network side consume the send ring at once, when responders are attached. So
 * an echo request sent is answered before {@code sendPacket} returns, deterministically.
 *
 * <p>Thread-safe, as {@link RingSession}; all the rules of {@link io.github.wintun4j.Session}
 * hold.
 */
final class MockSession extends RingSession {

    private final SessionLink link;

    /**
     * @param link    the driver's side of the rings
     * @param network the adapter's network side
     * @param onClose run once when the session is closed, after its ends are closed
     */
    MockSession(SessionLink link, MockNetwork network, Runnable onClose) {
        super(link.receiveRing, link.sendRing, () -> afterSend(network, link), onClose);
        this.link = link;
    }

    SessionLink link() {
        return link;
    }

    /** Runs the network side over what became visible in the send ring. Never throws. */
    private static void afterSend(MockNetwork network, SessionLink link) {
        try {
            network.afterSend(link);
        } catch (RuntimeException e) {
            network.log().error("the mock network failed after a send: " + e);
        }
    }

    @Override
    public void close() {
        link.markClosing();
        super.close();
    }
}
