// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal.ring;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.internal.ClaimHandle;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the reader and the writer of a ring share: the ring, how callers get exclusive access to
 * this end, and the closed state of this end (an end is closed when its session ends; the ring
 * itself may go on).
 *
 * <p>Two ways in. Any thread may call the locked methods, which take this end's lock. Or one
 * thread {@linkplain #claim() claims} the end: its calls then take no lock at all (a lock costs an
 * atomic instruction, which on a ring shared by two cores waits for the cache lines in flight and
 * cost more than the rest of a packet when measured), every other thread's call fails with
 * {@link IllegalStateException} until the claim is {@linkplain #unclaim() given back}. Claiming and
 * unclaiming take the lock, which orders the claimer's work with the locked callers' before and
 * after. A session lets only its claimed handle reach the lock-free way: its own methods call
 * {@link #requireUnclaimed()} first, so that they fail for the claimant too.
 */
abstract class RingEnd {

    final Ring ring;
    final ReentrantLock lock = new ReentrantLock();
    private final String operation;
    private volatile boolean closed;
    /** The thread that claimed this end, or null; written under the lock. */
    private volatile Thread claimant;
    /** A view of the whole ring, to slice packets' views from. */
    private final ByteBuffer writableMemory;
    /** What the holder of this end writes as it goes: positions, outstanding records, flags. */
    final RingCursor cursor = new RingCursor();

    RingEnd(Ring ring, String operation) {
        this.ring = ring;
        this.operation = operation;
        this.writableMemory = ring.memory().duplicate();
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

    /**
     * Gives this end to the calling thread alone: its calls of the claimed methods then take no
     * lock; other threads' calls fail until {@link #unclaim()}.
     *
     * @throws IllegalStateException when another claim is in force
     */
    public final void claim() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("this side of the session cannot be claimed from inside a call of the"
                    + " session's own methods (such as a handler of receiveEach)");
        }
        lock.lock();
        try {
            Thread holder = claimant;
            if (holder != null) {
                throw new IllegalStateException(describeClaim(holder));
            }
            claimant = Thread.currentThread();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the calling thread's claim; does nothing when it holds none. Called from a handler
     * that this end is running, it takes effect when the call that runs the handler ends (the
     * call still uses the end without a lock until then).
     */
    public final void unclaim() {
        lock.lock();
        try {
            if (claimant == Thread.currentThread()) {
                if (cursor.inUserCode) {
                    cursor.unclaimDeferred = true;
                } else {
                    claimant = null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the start of a call that runs user code (a handler) while holding this end.
     *
     * @return whether this is the outermost such call (a handler may call in again)
     */
    final boolean enterUserCode() {
        boolean outermost = !cursor.inUserCode;
        cursor.inUserCode = true;
        return outermost;
    }

    /** @param outermost what {@link #enterUserCode()} returned; the deferred give-back happens here */
    final void leaveUserCode(boolean outermost) {
        if (outermost) {
            cursor.inUserCode = false;
            if (cursor.unclaimDeferred) {
                cursor.unclaimDeferred = false;
                unclaim();
            }
        }
    }

    /** @return whether the claimant gave the claim back from a handler: the running call must stop */
    final boolean isUnclaimDeferred() {
        return cursor.unclaimDeferred;
    }

    /** @return whether some thread holds the claim now (it may end at any moment) */
    public final boolean isClaimed() {
        return claimant != null;
    }

    /** @return whether the calling thread holds the claim; a plain field compare, cheap */
    final boolean claimedByCaller() {
        return claimant == Thread.currentThread();
    }

    /**
     * The gate of a session's own methods: they fail while the end is claimed, on every thread,
     * the claimant's included (whose way in is its claimed handle).
     *
     * @throws IllegalStateException when some thread claimed this end
     */
    final void requireUnclaimed() {
        Thread holder = claimant;
        if (holder != null) {
            throw new IllegalStateException(describeClaim(holder));
        }
    }

    /**
     * Locks this end for a caller that did not claim it.
     *
     * @throws IllegalStateException when another thread claimed it (the lock is then not held)
     */
    final void lockUnclaimed() {
        lock.lock();
        Thread holder = claimant;
        if (holder != null) {
            lock.unlock();
            throw new IllegalStateException(describeClaim(holder));
        }
    }

    /** @throws IllegalStateException unless the calling thread holds the claim */
    final void requireClaimant() {
        Thread holder = claimant;
        if (holder != Thread.currentThread()) {
            throw new IllegalStateException(holder == null
                    ? "the claim on this side of the session was given back"
                    : describeClaim(holder));
        }
    }

    private static String describeClaim(Thread holder) {
        return ClaimHandle.claimedBy(holder.getName());
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

    /**
     * Creates the view of a packet's bytes, big-endian (a slice's order), limited to the packet: a
     * slice of a view of the ring made once, made read-only for a received packet. (A read-only
     * slice taken straight from a read-only view was not removed by the JIT's escape analysis as
     * reliably as a writable slice, in a small test.)
     */
    final ByteBuffer viewOf(int position, int size, boolean readOnly) {
        ByteBuffer view = writableMemory.slice(Ring.HEADER_SIZE + Ring.SIZE_PREFIX + position, size);
        return readOnly ? view.asReadOnlyBuffer() : view;
    }

    /**
     * Ends a packet that the user closed without releasing or sending it. Never throws for a
     * caller that may use this end.
     */
    abstract void closePacket(RingPacket packet);
}
