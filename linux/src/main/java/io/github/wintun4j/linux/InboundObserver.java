// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import java.nio.ByteBuffer;

/**
 * Test hook: sees each packet the driver side of a session took from the TUN descriptor, and
 * whether it reached the receive ring, so that a test that injects a packet through the kernel
 * can wait until the driver has handled that very packet. Called on the session's receive thread;
 * must be quick and must not keep the buffer.
 */
@FunctionalInterface
interface InboundObserver {

    /**
     * @param packet  the packet, position to limit; valid only during the call
     * @param written whether it was written to the receive ring ({@code false}: dropped, or the ring ended)
     */
    void handled(ByteBuffer packet, boolean written);
}
