// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

/**
 * The one {@link IllegalStateException} a thread may meet when the session it uses is closed under it:
 * a packet it still holds is refused, either by the packet itself (its session was closed) or, on FFM,
 * by the revoked view of ring memory (the JDK's closed-arena error). Anything else, a claim refusal in
 * particular, is a bug, and a worker that meets it must report it instead of ending quietly.
 */
final class StalePackets {

    /** {@code WindowsPacket.buffer()} after its session was closed. */
    static final String SESSION_CLOSED = "packet is no longer usable: its session was closed";
    /** A segment of a closed shared arena ({@code java.lang.foreign}: {@code MemorySessionImpl.alreadyClosed}). */
    static final String VIEW_REVOKED = "Already closed";

    private StalePackets() {
    }

    /** @return whether {@code e} is what a stale packet of a closed session throws */
    static boolean isStalePacket(IllegalStateException e) {
        return SESSION_CLOSED.equals(e.getMessage()) || VIEW_REVOKED.equals(e.getMessage());
    }
}
