// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

/**
 * How a session is to be started, besides its ring capacity: given to
 * {@link Adapter#startSession(int, SessionOptions)}. Immutable and thread-safe; each {@code with}
 * method returns a new object.
 *
 * <p><b>Offloads.</b> Where the system supports it (Linux TUN with {@code IFF_VNET_HDR}), a
 * session may let the kernel hand over and take large segmentation-offload packets (up to 64 KiB
 * of one TCP or UDP flow in one read or write) and split and merge them itself. This is invisible
 * to the application: it receives and sends exactly the packets it would without offloads, with
 * correct checksums; only the number of system calls and copies per byte falls. Requested by
 * default; a backend that cannot offer it starts the session without it, and
 * {@link Session#offloadsActive()} says which happened. Turn it off to compare, or when the
 * packets must reach the application exactly as the kernel's segmentation would cut them on a
 * device without offloads (with offloads, the cut is the one the kernel chose for the GSO packet).
 */
public final class SessionOptions {

    private static final SessionOptions DEFAULTS = new SessionOptions(true);

    private final boolean offloads;

    private SessionOptions(boolean offloads) {
        this.offloads = offloads;
    }

    /** {@return the options {@link Adapter#startSession(int)} uses: offloads requested} */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param requested whether the session asks the system for offloads
     * @return options equal to these except for offloads
     */
    public SessionOptions withOffloads(boolean requested) {
        return requested == offloads ? this : new SessionOptions(requested);
    }

    /** {@return whether offloads are requested (they are active only where the backend supports them)} */
    public boolean offloads() {
        return offloads;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionOptions o && o.offloads == offloads;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(offloads);
    }

    @Override
    public String toString() {
        return "SessionOptions[offloads=" + offloads + ']';
    }
}
