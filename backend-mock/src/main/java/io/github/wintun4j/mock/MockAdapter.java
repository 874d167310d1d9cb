// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.mock;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.internal.Arguments;

import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle on a mock adapter, as {@code WintunCreateAdapter} or {@code WintunOpenAdapter} returns
 * it. Several handles may share one {@link VirtualAdapter}; closing the creating handle removes
 * the adapter (ending its session), closing an opened one only lets go of the handle (ending the
 * session started through it, if any).
 *
 * <p>Thread-safe. After close, the accessors answer and every other method throws
 * {@link IllegalStateException}. While the handle is open but the adapter is gone (removed by
 * its creator or by the {@link MockNetwork#removeAdapter()} fault), starting a session fails
 * with {@code ERROR_HANDLE_EOF} and configuring it with {@code ERROR_NOT_FOUND}.
 */
final class MockAdapter implements Adapter {

    private final MockDriver driver;
    private final VirtualAdapter adapter;
    private final boolean creator;
    private final AtomicBoolean open = new AtomicBoolean(true);

    MockAdapter(MockDriver driver, VirtualAdapter adapter, boolean creator) {
        this.driver = driver;
        this.adapter = adapter;
        this.creator = creator;
    }

    MockDriver driver() {
        return driver;
    }

    VirtualAdapter adapter() {
        return adapter;
    }

    /** @return whether this handle created the adapter (and so removes it when closed) */
    boolean isCreator() {
        return creator;
    }

    @Override
    public String name() {
        return adapter.name();
    }

    @Override
    public String tunnelType() {
        return adapter.tunnelType();
    }

    @Override
    public UUID guid() {
        return adapter.guid();
    }

    @Override
    public long luid() {
        return adapter.luid();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public Session startSession(int capacity) {
        Arguments.requireRingCapacity(capacity);
        requireOpen();
        return adapter.startSession(capacity, this);
    }

    @Override
    public void addAddress(InetAddress address, int prefixLength) {
        Arguments.requirePrefix(address, prefixLength);
        requireOpen();
        adapter.addAddress(address, prefixLength);
    }

    @Override
    public void removeAddress(InetAddress address, int prefixLength) {
        Arguments.requirePrefix(address, prefixLength);
        requireOpen();
        adapter.removeAddress(address);
    }

    @Override
    public int mtu() {
        requireOpen();
        return adapter.mtu();
    }

    @Override
    public void setMtu(int mtu) {
        Arguments.requireMtu(mtu);
        requireOpen();
        adapter.setMtu(mtu);
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            driver.closeHandle(this);
        }
    }

    private void requireOpen() {
        if (!open.get()) {
            throw new IllegalStateException("adapter \"" + adapter.name() + "\" is closed");
        }
    }

    @Override
    public String toString() {
        return "MockAdapter[name=" + adapter.name() + ", luid=0x" + Long.toHexString(adapter.luid())
                + (creator ? ", created" : ", opened") + (isOpen() ? "" : ", closed") + ']';
    }
}
