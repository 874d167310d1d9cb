package io.github.wintun4j.spi.ring;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the reader and the writer of a ring share: the ring, the lock of this direction, and the
 * closed state of this end (an end is closed when its session ends; the ring itself may go on).
 */
abstract class RingEnd {

    final Ring ring;
    final ReentrantLock lock = new ReentrantLock();
    private final String operation;
    private volatile boolean closed;

    RingEnd(Ring ring, String operation) {
        this.ring = ring;
        this.operation = operation;
    }

    /** @return the ring of this end */
    public final Ring ring() {
        return ring;
    }

    /**
     * Closes this end: later calls fail with {@code ERROR_HANDLE_EOF}, its packets become
     * unusable, and the ring's waiters wake up. Idempotent.
     */
    public final void close() {
        closed = true;
        ring.signal().wakeAll();
    }

    /** @return whether this end was closed or the ring terminated */
    public final boolean isEnded() {
        return closed || ring.isTerminated();
    }

    /** @return whether {@link #close()} was called on this end */
    final boolean isClosed() {
        return closed;
    }

    final void requireNotEnded() {
        if (closed) {
            throw new WintunException(operation, WintunErrors.ERROR_HANDLE_EOF, "the session was closed");
        }
        if (ring.isTerminated()) {
            throw new WintunException(operation, WintunErrors.ERROR_HANDLE_EOF, "the adapter is terminating");
        }
    }

    final String operation() {
        return operation;
    }

    /** Creates the view of a packet's bytes, big-endian, limited to the packet. */
    final ByteBuffer viewOf(RingPacket packet, boolean readOnly) {
        ByteBuffer view = ring.memory().slice(ring.dataIndex(packet.position), packet.size())
                .order(java.nio.ByteOrder.BIG_ENDIAN);
        return readOnly ? view.asReadOnlyBuffer() : view;
    }

    /** Ends a packet that the user closed without releasing or sending it. Never throws. */
    abstract void closePacket(RingPacket packet);
}
