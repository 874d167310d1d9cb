package io.github.wintun4j.mock;

import io.github.wintun4j.Packet;
import io.github.wintun4j.spi.Arguments;
import io.github.wintun4j.spi.ring.RingSession;

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
    private final MockNetwork network;

    /**
     * @param link    the driver's side of the rings
     * @param network the adapter's network side
     * @param onClose run once when the session is closed, after its ends are closed
     */
    MockSession(SessionLink link, MockNetwork network, Runnable onClose) {
        super(link.receiveRing, link.sendRing, onClose);
        this.link = link;
        this.network = network;
    }

    SessionLink link() {
        return link;
    }

    @Override
    public Packet allocateSendPacket(int size) {
        Packet packet = super.allocateSendPacket(size);
        return packet == null ? null : new MockSendPacket(packet, this);
    }

    @Override
    public void sendPacket(Packet packet) {
        Arguments.requirePacket(packet);
        // A packet of another mock session is unwrapped too: the ring writer then rejects it.
        super.sendPacket(packet instanceof MockSendPacket ? ((MockSendPacket) packet).ringPacket() : packet);
        afterSend();
    }

    /** Runs the network side over what became visible in the send ring. Never throws. */
    void afterSend() {
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
