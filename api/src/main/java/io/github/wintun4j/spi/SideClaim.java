package io.github.wintun4j.spi;

/**
 * The claim on one side of a session (receive or send), for backends whose driver serialises
 * the calls itself (wintun.dll takes its own lock), so that a claim only has to keep other
 * threads out: the session's methods of that side call {@link #checkCaller()} first.
 *
 * <p>Thread-safe.
 */
public final class SideClaim {

    private final String side;
    private volatile Thread claimant;

    /** @param side the side's name in messages, such as {@code "receive"} */
    public SideClaim(String side) {
        this.side = side;
    }

    /**
     * Gives the side to the calling thread.
     *
     * @throws IllegalStateException when it is claimed already
     */
    public synchronized void claim() {
        Thread holder = claimant;
        if (holder != null) {
            throw new IllegalStateException("the " + side + " side of this session is already claimed by thread \""
                    + holder.getName() + "\"; close that first");
        }
        claimant = Thread.currentThread();
    }

    /** Ends the calling thread's claim; does nothing when it holds none. */
    public synchronized void unclaim() {
        if (claimant == Thread.currentThread()) {
            claimant = null;
        }
    }

    /** @throws IllegalStateException when another thread holds the claim */
    public void checkCaller() {
        Thread holder = claimant;
        if (holder != null && holder != Thread.currentThread()) {
            throw new IllegalStateException("the " + side + " side of this session is claimed by thread \""
                    + holder.getName() + "\"; only that thread may use it");
        }
    }
}
