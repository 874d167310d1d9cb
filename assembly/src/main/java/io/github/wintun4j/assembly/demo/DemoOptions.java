package io.github.wintun4j.assembly.demo;

import io.github.wintun4j.WintunConstants;

/**
 * What the command line may change in the demo. Immutable.
 *
 * @param capacity   the session's ring capacity in bytes; example.c uses
 *                   {@link WintunConstants#EXAMPLE_RING_CAPACITY} (4 MiB). Checked by the backend.
 * @param replyLimit stop cleanly after this many IPv4 echo replies; 0 runs until {@link ExampleTunnel#stop()}
 *                   (Ctrl-C), as example.c does
 */
public record DemoOptions(int capacity, int replyLimit) {

    /** Checks the reply limit; the capacity is the backend's to check, as in example.c. */
    public DemoOptions {
        if (replyLimit < 0) {
            throw new IllegalArgumentException("replyLimit must be 0 (no limit) or more, got " + replyLimit);
        }
    }

    /** @return example.c's settings: a 4 MiB ring, running until stopped */
    public static DemoOptions example() {
        return new DemoOptions(WintunConstants.EXAMPLE_RING_CAPACITY, 0);
    }

    /**
     * @param limit the number of echo replies after which the demo stops; 0 for none
     * @return these options with that limit
     */
    public DemoOptions withReplyLimit(int limit) {
        return new DemoOptions(capacity, limit);
    }

    /**
     * @param bytes the ring capacity
     * @return these options with that capacity
     */
    public DemoOptions withCapacity(int bytes) {
        return new DemoOptions(bytes, replyLimit);
    }
}
