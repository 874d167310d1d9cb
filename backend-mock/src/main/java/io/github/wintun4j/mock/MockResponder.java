// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A scripted part of the network beyond a mock adapter: looks at each IP packet the application
 * sends and may answer it. Attach with {@link MockNetwork#addResponder(MockResponder)};
 * {@link MockResponders} has the common ones.
 *
 * <p>Threading: called on the thread that sent the packet (or that took it), one packet at a
 * time per network, in send order; implementations attached to several networks must be
 * thread-safe. A responder may call {@link MockNetwork#deliver} but must not call
 * {@link MockNetwork#takeSent()} or {@link MockNetwork#drainSent} (that throws
 * {@link IllegalStateException}). An exception thrown by a responder is logged through the
 * driver's logger at ERR level and the packet is offered to the next responder.
 */
@FunctionalInterface
public interface MockResponder {

    /**
     * @param packetFromApplication the IP packet the application sent: a read-only view of the
     *                              send ring, big-endian, valid only during the call (copy what
     *                              you keep)
     * @param network               the network side the packet arrived on
     * @return the reply packets to deliver to the application (each one batch), or an empty list
     *         when this responder does not handle the packet ({@code null} counts as empty)
     */
    List<byte[]> respond(ByteBuffer packetFromApplication, MockNetwork network);
}
